/**
 * HubSpot's OAuth endpoints: `GET /oauth/authorize` (consent is automatic here: it redirects at
 * once with a code) and `POST /oauth/v1/token` (form body) with the `authorization_code` and
 * `refresh_token` grants. Refusals carry HubSpot's `status`/`message` and, since its
 * standardised OAuth errors, RFC 6749's `error`/`error_description` beside them.
 */
import { createHash } from 'node:crypto';
import type { SandboxRequest, SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import type { TokenBook } from './tokens.js';

export interface OAuthOptions {
  /**
   * Issue a new refresh token on every refresh and retire the old one. HubSpot's v1 endpoint has
   * been seen to return the same refresh token; rotation is the stricter case a client must
   * survive (store the new token before using it), so it is the default here.
   * @default true
   */
  rotateRefreshTokens?: boolean;
}

function field(req: SandboxRequest, name: string): string | undefined {
  const body = (req.body ?? {}) as Record<string, string | string[] | undefined>;
  const value = body[name] ?? req.query[name];
  return Array.isArray(value) ? value[0] : value;
}

function refusal(status: string, error: string, message: string): SandboxResponse {
  return { status: 400, body: { status, message, error, error_description: message } };
}

function codeGrant(book: TokenBook, req: SandboxRequest, clientId: string): SandboxResponse {
  const code = field(req, 'code') ?? '';
  const pending = book.takeCode(code);
  if (!pending || pending.clientId !== clientId) return refusal('BAD_AUTH_CODE', 'invalid_grant', 'missing or unknown auth code');
  if (pending.redirectUri !== field(req, 'redirect_uri')) return refusal('BAD_REDIRECT_URI', 'invalid_grant', 'redirect_uri does not match the one used to authorize');
  if (pending.codeChallenge) {
    const verifier = field(req, 'code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
    if (challenge !== pending.codeChallenge) return refusal('BAD_AUTH_CODE', 'invalid_grant', 'code_verifier does not match the code_challenge');
  }
  return { status: 200, body: book.issueTokens({ clientId, scopes: pending.scopes }) };
}

function refreshGrant(book: TokenBook, req: SandboxRequest, clientId: string, rotate: boolean): SandboxResponse {
  const token = field(req, 'refresh_token') ?? '';
  const grant = book.refreshTokens.get(token);
  if (grant?.clientId !== clientId) return refusal('BAD_REFRESH_TOKEN', 'invalid_grant', 'refresh token is invalid, expired or revoked');
  if (rotate) book.refreshTokens.delete(token);
  return { status: 200, body: book.issueTokens(grant, rotate ? undefined : token) };
}

export function registerOAuthRoutes(server: SandboxServer<unknown>, book: TokenBook, options: OAuthOptions = {}): void {
  const rotate = options.rotateRefreshTokens ?? true;
  server.route('POST', '/oauth/v1/token', { auth: false }, (req) => {
    const clientId = field(req, 'client_id') ?? '';
    if (!book.clients.has(clientId) || book.clients.get(clientId) !== field(req, 'client_secret')) {
      return refusal('BAD_CLIENT_ID', 'invalid_client', 'missing or unknown client id');
    }
    const grant = field(req, 'grant_type');
    if (grant === 'authorization_code') return codeGrant(book, req, clientId);
    if (grant === 'refresh_token') return refreshGrant(book, req, clientId, rotate);
    return refusal('BAD_GRANT_TYPE', 'unsupported_grant_type', `grant_type ${grant ?? '(none)'} is not supported`);
  });
  server.route('GET', '/oauth/authorize', { auth: false }, (req) => {
    const clientId = req.query.client_id ?? '';
    const redirect = req.query.redirect_uri;
    if (!book.clients.has(clientId) || !redirect) return { status: 400, body: { status: 'error', message: 'missing or unknown client id or redirect_uri' } };
    const scopes = (req.query.scope ?? '').split(/[\s,]+/).filter(Boolean);
    const code = book.issueCode(clientId, redirect, { codeChallenge: req.query.code_challenge, scopes: scopes.length > 0 ? scopes : undefined });
    const target = new URL(redirect);
    target.searchParams.set('code', code);
    if (req.query.state) target.searchParams.set('state', req.query.state);
    return { status: 302, headers: { location: target.toString() } };
  });
}
