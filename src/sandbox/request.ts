import type { IncomingMessage } from 'node:http';
import type { SandboxRequest } from './types.js';

/** Why a body could not be parsed; the server answers it with the vendor's `invalidBody` hook. */
export interface BodyProblem {
  contentType: string;
  message: string;
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function flattenHeaders(raw: IncomingMessage['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function firstValues(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (!(key in out)) out[key] = value;
  return out;
}

function parseForm(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/** Parses JSON and form bodies; an empty body is `undefined` whatever the content type. */
export function parseBody(contentType: string, raw: Buffer): { body: unknown; problem?: BodyProblem } {
  if (raw.length === 0) return { body: undefined };
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  // `+json` covers vendor media types such as `application/vnd.api+json` and `merge-patch+json`.
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return { body: JSON.parse(raw.toString('utf8')) };
    } catch (error) {
      return { body: undefined, problem: { contentType: type, message: (error as Error).message } };
    }
  }
  if (type === 'application/x-www-form-urlencoded') return { body: parseForm(raw.toString('utf8')) };
  return { body: undefined };
}

/** The plain-data request handed to hooks and handlers (auth is filled in later by the server). */
export function buildRequest(
  req: IncomingMessage,
  rawBody: Buffer,
  baseUrl: string,
): { request: SandboxRequest; problem?: BodyProblem } {
  const url = new URL(req.url ?? '/', baseUrl);
  const headers = flattenHeaders(req.headers);
  const { body, problem } = parseBody(headers['content-type'] ?? '', rawBody);
  const request: SandboxRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    url: url.pathname + url.search,
    baseUrl,
    params: {},
    query: firstValues(url.searchParams),
    searchParams: url.searchParams,
    headers,
    rawBody,
    body,
    auth: undefined,
  };
  return problem ? { request, problem } : { request };
}
