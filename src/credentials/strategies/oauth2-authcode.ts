import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AuthError } from './auth-error.js';
import { secretForms } from './redact.js';
import { requestToken, type ClientAuthMethod } from './token-request.js';
import type { TokenSet } from './token-response.js';
import type { Clock, FetchToken } from './types.js';

export { parseTokenResponse, type TokenSet } from './token-response.js';

export interface AuthorizationRequestOptions {
  authorizeUrl: string;
  clientId: string;
  redirectUri: string;
  /** @default [] */
  scopes?: string[];
  /** Vendor extras such as `access_type=offline` or `prompt=consent`. @default {} */
  extraParams?: Record<string, string>;
  /** Slack and a few others join scopes with commas. @default ' ' */
  scopeSeparator?: string;
}

export interface AuthorizationRequest {
  /** Where to send the user's browser. */
  url: string;
  /** Store server-side and check with `verifyState` on the callback. */
  state: string;
  /** Store server-side (it is a secret) and pass to `exchangeCode`. */
  codeVerifier: string;
}

function randomToken(): string {
  // 32 bytes → 43 base64url characters: RFC 7636's minimum verifier length, 256 bits of entropy.
  return randomBytes(32).toString('base64url');
}

/** RFC 7636 S256: base64url(SHA-256(ASCII(code_verifier))). */
export function pkceChallengeS256(codeVerifier: string): string {
  return createHash('sha256').update(codeVerifier, 'ascii').digest('base64url');
}

/** Step 1 of the authorization-code flow, always with PKCE S256 and a random state. */
export function createAuthorizationRequest(options: AuthorizationRequestOptions): AuthorizationRequest {
  const state = randomToken();
  const codeVerifier = randomToken();
  const url = new URL(options.authorizeUrl);
  for (const [name, value] of Object.entries(options.extraParams ?? {})) url.searchParams.set(name, value);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('redirect_uri', options.redirectUri);
  if (options.scopes?.length) url.searchParams.set('scope', options.scopes.join(options.scopeSeparator ?? ' '));
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', pkceChallengeS256(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  return { url: url.toString(), state, codeVerifier };
}

/**
 * Checks the callback's `state` against the one issued, in constant time. Both sides are hashed
 * first so neither the content nor the length of the expected value leaks through timing.
 */
export function verifyState(expected: string, received: string | null | undefined): void {
  if (!received) {
    throw new AuthError('state_mismatch', 'OAuth state mismatch: the callback carried no state; start the connection again', {
      kind: 'permanent',
    });
  }
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(received).digest();
  if (!expected || !timingSafeEqual(a, b)) {
    throw new AuthError(
      'state_mismatch',
      'OAuth state mismatch: the callback does not belong to the authorization this session started; start the connection again',
      { kind: 'permanent' },
    );
  }
}

/** What every call to a client's token endpoint needs. */
export interface TokenEndpointOptions {
  tokenUrl: string;
  clientId: string;
  /** Omitted for public clients, which rely on PKCE alone. */
  clientSecret?: string;
  /** @default 'body' */
  clientAuth?: ClientAuthMethod;
  fetchToken: FetchToken;
  /** @default Date.now */
  now?: Clock;
}

export interface ExchangeCodeOptions extends TokenEndpointOptions {
  code: string;
  redirectUri: string;
  codeVerifier: string;
}

/** Step 2: trades the callback's code for tokens (RFC 6749 §4.1.3 with the PKCE verifier). */
export function exchangeCode(options: ExchangeCodeOptions): Promise<TokenSet> {
  return requestToken({
    purpose: 'Authorization code exchange',
    tokenUrl: options.tokenUrl,
    form: new URLSearchParams({
      grant_type: 'authorization_code',
      code: options.code,
      redirect_uri: options.redirectUri,
      code_verifier: options.codeVerifier,
    }),
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    clientAuth: options.clientAuth,
    fetchToken: options.fetchToken,
    now: options.now,
    secrets: secretForms(options.code, options.codeVerifier, options.clientSecret),
    invalidGrantMessage:
      'Authorization code was refused (invalid_grant): it expired or was already used, or the redirect URI or PKCE verifier does not match; start the connection again',
  });
}
