/**
 * Step 1 of the OAuth 2.0 authorization-code flow as a service: the vendor URL to send the user
 * to, with state and PKCE S256; the state and the encrypted verifier are kept for 10 minutes.
 * The HTTP routes only parse and forward; every check lives here and in complete-authorization.ts.
 */
import type pg from 'pg';
import type { AuthMethod } from '../../registry/index.js';
import type { KeySource } from '../master-key-source.js';
import { createAuthorizationRequest } from '../strategies/index.js';
import type { CredentialRef } from '../store.js';
import { fillTemplate } from '../strategy-for-method.js';
import { saveState } from './states.js';

export const STATE_TTL_MS = 10 * 60 * 1000;

export interface BeginAuthorizationInput {
  pool: pg.Pool;
  keys: KeySource;
  method: AuthMethod;
  connection: CredentialRef;
  redirectUri: string;
  clientId: string;
  /** Connection fields for `{placeholders}` in the method's URLs and scopes. @default {} */
  config?: Record<string, unknown>;
  /** Vendor extras such as `access_type=offline`. @default {} */
  extraParams?: Record<string, string>;
  /** @default 10 minutes */
  ttlMs?: number;
}

export interface BeginAuthorizationResult {
  /** Where to send the user's browser. */
  url: string;
  expiresAt: Date;
}

/** The method's OAuth settings; refuses any method that is not an authorization-code one. */
export function authorizationCodeSettings(method: AuthMethod) {
  if (method.type !== 'oauth2_authorization_code' || !method.oauth?.authorizeUrl) {
    throw new Error(`the auth method "${method.id}" is not an OAuth 2.0 authorization-code method`);
  }
  return { ...method.oauth, authorizeUrl: method.oauth.authorizeUrl };
}

export async function beginAuthorization(input: BeginAuthorizationInput): Promise<BeginAuthorizationResult> {
  const oauth = authorizationCodeSettings(input.method);
  const config = input.config ?? {};
  // PKCE is always sent: servers that do not know it ignore the parameters (RFC 7636 §5).
  const request = createAuthorizationRequest({
    authorizeUrl: fillTemplate(oauth.authorizeUrl, config), clientId: input.clientId, redirectUri: input.redirectUri,
    scopes: oauth.scopes.map((s) => fillTemplate(s, config)), scopeSeparator: oauth.scopeSeparator, extraParams: input.extraParams,
  });
  const expiresAt = await saveState(input.pool, input.keys, {
    ref: input.connection, state: request.state, codeVerifier: request.codeVerifier, redirectUri: input.redirectUri, ttlMs: input.ttlMs ?? STATE_TTL_MS,
  });
  return { url: request.url, expiresAt };
}
