import type { SandboxRequest, SandboxResponse } from './types.js';

/**
 * The outcome of a sandbox's auth hook: a principal for handlers (token, account, scopes...) or
 * the vendor's own rejection, since every vendor words its 401 differently.
 */
export type AuthResult<P> = { ok: true; principal: P } | { ok: false; response: SandboxResponse };

export type AuthHook<P> = (req: SandboxRequest) => AuthResult<P> | Promise<AuthResult<P>>;

/** A header by name, whatever case the caller used. */
export function headerValue(req: Pick<SandboxRequest, 'headers'>, name: string): string | undefined {
  return req.headers[name.toLowerCase()];
}

/** The token of `Authorization: Bearer <token>` (scheme matched case-insensitively, per RFC 6750). */
export function bearerToken(req: Pick<SandboxRequest, 'headers'>): string | undefined {
  const match = /^bearer\s+(\S+)\s*$/i.exec(headerValue(req, 'authorization') ?? '');
  return match?.[1];
}

/** `Authorization: Basic base64(user:pass)` decoded; the password may itself contain colons. */
export function basicCredentials(
  req: Pick<SandboxRequest, 'headers'>,
): { username: string; password: string } | undefined {
  const match = /^basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(headerValue(req, 'authorization') ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
