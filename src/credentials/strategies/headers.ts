import type { OutgoingRequest } from './types.js';

/**
 * Sets a header, removing any spelling of the same name first: HTTP names are case-insensitive
 * and a request carrying both `authorization` and `Authorization` is ambiguous on the wire.
 */
export function setHeader(req: OutgoingRequest, name: string, value: string): void {
  const lower = name.toLowerCase();
  for (const existing of Object.keys(req.headers)) {
    if (existing.toLowerCase() === lower) delete req.headers[existing];
  }
  req.headers[name] = value;
}

export function getHeader(req: OutgoingRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(req.headers)) {
    if (key.toLowerCase() === lower) return value;
  }
  return undefined;
}

/** The request body as text, for signatures that read form parameters. */
export function bodyText(req: OutgoingRequest): string {
  if (req.body === undefined) return '';
  return typeof req.body === 'string' ? req.body : new TextDecoder().decode(req.body);
}
