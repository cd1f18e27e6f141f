import { AuthError } from './auth-error.js';
import { redact } from './redact.js';
import { decodeTokenBody, parseTokenResponse, tokenErrorSchema, type TokenSet } from './token-response.js';
import type { Clock, FetchToken } from './types.js';

/**
 * How the client proves itself to the token endpoint (RFC 6749 §2.3.1).
 * `body` sends client_id/client_secret as form fields, which nearly every vendor accepts;
 * `basic` sends them as HTTP Basic, form-encoded first as the RFC requires.
 */
export type ClientAuthMethod = 'body' | 'basic';

export interface TokenRequest {
  /** What is being asked for, in the user's words: "Authorization code exchange". */
  purpose: string;
  tokenUrl: string;
  form: URLSearchParams;
  clientId?: string;
  clientSecret?: string;
  /** @default 'body' */
  clientAuth?: ClientAuthMethod;
  fetchToken: FetchToken;
  /** Values to strip from any vendor text quoted in an error. */
  secrets: string[];
  /** @default Date.now */
  now?: Clock;
  /** Message used when the vendor refuses the grant; explains what to do next. */
  invalidGrantMessage?: string;
}

/** POSTs a token request and turns every failure into an AuthError with a safe message. */
export async function requestToken(request: TokenRequest): Promise<TokenSet> {
  const form = new URLSearchParams(request.form);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.clientId !== undefined) {
    if ((request.clientAuth ?? 'body') === 'basic') {
      const user = new URLSearchParams({ v: request.clientId }).toString().slice(2);
      const pass = new URLSearchParams({ v: request.clientSecret ?? '' }).toString().slice(2);
      headers.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    } else {
      form.set('client_id', request.clientId);
      if (request.clientSecret !== undefined) form.set('client_secret', request.clientSecret);
    }
  }
  const host = safeHost(request.tokenUrl);
  const secrets = [...request.secrets, headers.authorization ?? ''].filter(Boolean);

  let response;
  try {
    response = await request.fetchToken(request.tokenUrl, form, headers);
  } catch (error) {
    const detail = error instanceof Error ? redact(error.message, secrets) : 'unknown error';
    throw new AuthError('token_request_failed', `${request.purpose} to ${host} failed: ${detail}`, { kind: 'transient' });
  }

  const body = decodeTokenBody(response.body);
  const vendorError = tokenErrorSchema.safeParse(body);
  if (response.status >= 400 || vendorError.success) {
    throw refusal(request, host, response.status, vendorError.success ? vendorError.data : undefined, secrets);
  }
  return parseTokenResponse(body, { now: request.now, source: `${request.purpose} to ${host}` });
}

function refusal(
  request: TokenRequest,
  host: string,
  status: number,
  vendor: { error: string; error_description?: string | undefined } | undefined,
  secrets: string[],
): AuthError {
  const said = vendor
    ? `${vendor.error}${vendor.error_description ? `: ${clip(redact(vendor.error_description, secrets))}` : ''}`
    : `HTTP ${status}`;
  const httpStatus = status >= 400 ? status : undefined;
  if (vendor?.error === 'invalid_grant') {
    const why = request.invalidGrantMessage ?? `${request.purpose} was refused (invalid_grant); the connection needs to be authorised again`;
    return new AuthError('invalid_grant', `${why} (${host} said ${said})`, { kind: 'permanent', status: httpStatus });
  }
  if (vendor?.error === 'invalid_client' || vendor?.error === 'unauthorized_client') {
    return new AuthError('invalid_client', `${request.purpose} to ${host} rejected the client credentials (${said})`, {
      kind: 'permanent',
      status: httpStatus,
    });
  }
  // The token endpoint's own outage or throttling is worth retrying; anything else is not.
  const transient = status === 429 || status >= 500 || vendor?.error === 'temporarily_unavailable';
  return new AuthError('token_request_failed', `${request.purpose} to ${host} failed (${said})`, {
    kind: transient ? 'transient' : 'permanent',
    status: httpStatus,
  });
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the token endpoint';
  }
}
