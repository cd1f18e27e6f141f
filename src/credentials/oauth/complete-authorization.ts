/**
 * Step 2 of the OAuth 2.0 authorization-code flow: the callback. The state must exist, be
 * unexpired and is consumed on use; the code is exchanged with the PKCE verifier; the token set
 * is stored with the app's client id and secret; the connection becomes active. Results and
 * errors never carry a token, a code or the client secret.
 */
import type { AuthMethod } from '../../registry/index.js';
import type { CredentialBackend } from '../backend.js';
import type { KeySource } from '../master-key-source.js';
import { AuthError, exchangeCode, isAuthError, type ClientAuthMethod, type Clock, type FetchToken } from '../strategies/index.js';
import type { CredentialRef, SecretValues } from '../store.js';
import { fillTemplate } from '../strategy-for-method.js';
import { authorizationCodeSettings } from './begin-authorization.js';
import { markActive } from './connection-status.js';
import { takeState } from './states.js';
import { tokenSecrets } from './token-fields.js';

export interface CompleteAuthorizationInput {
  store: CredentialBackend;
  keys: KeySource;
  method: AuthMethod;
  /** The callback's `state` and `code` query parameters, as received. */
  state: string | null | undefined;
  code: string | null | undefined;
  clientId: string;
  /** Omitted for a public client (PKCE only). */
  clientSecret?: string;
  /** @default 'body' */
  clientAuth?: ClientAuthMethod;
  fetchToken: FetchToken;
  /** @default {} */
  config?: Record<string, unknown>;
  /** When the caller knows which connection the browser session started, it must match. */
  expected?: CredentialRef;
  /** @default Date.now */
  now?: Clock;
}

export interface CompleteAuthorizationResult {
  connection: CredentialRef;
  version: number;
  /** When the access token expires; undefined when the vendor did not say. */
  expiresAt: Date | undefined;
  scope: string | undefined;
}

const refused = (message: string) => new AuthError('state_mismatch', message, { kind: 'permanent' });

export async function completeAuthorization(input: CompleteAuthorizationInput): Promise<CompleteAuthorizationResult> {
  const oauth = authorizationCodeSettings(input.method);
  if (!input.state) throw refused('state mismatch: the callback carried no state; start the connection again');
  const pending = await takeState(input.store.pool, input.keys, input.state);
  if (!pending) throw refused('state mismatch: no pending authorization has this state (unknown, or already used); start the connection again');
  if (pending.expired) throw refused('the authorization request expired (it is valid for 10 minutes); start the connection again');
  const { ref } = pending;
  if (input.expected && (input.expected.workspaceId !== ref.workspaceId || input.expected.connectionId !== ref.connectionId)) {
    throw refused('state mismatch: the callback belongs to another connection; start the connection again');
  }
  if (!input.code) throw new AuthError('invalid_grant', 'the callback carried no authorization code (the user may have declined); start the connection again', { kind: 'permanent' });
  let tokens;
  try {
    tokens = await exchangeCode({
      tokenUrl: fillTemplate(oauth.tokenUrl, input.config ?? {}), clientId: input.clientId, clientSecret: input.clientSecret,
      clientAuth: input.clientAuth, fetchToken: input.fetchToken, now: input.now,
      code: input.code, redirectUri: pending.redirectUri, codeVerifier: pending.codeVerifier,
    });
  } catch (error) {
    if (isAuthError(error) && error.code === 'invalid_grant') {
      throw new AuthError('invalid_grant', 'the authorization code was refused (expired or already used); start the connection again', { kind: 'permanent', status: error.status });
    }
    throw error;
  }
  const base: SecretValues = { clientId: input.clientId };
  if (input.clientSecret !== undefined) base.clientSecret = input.clientSecret;
  // A new grant replaces the whole token set (and clears any refused-refresh marker).
  const version = await input.store.write(ref, tokenSecrets(tokens, base));
  await markActive(input.store.pool, ref);
  return { connection: ref, version, expiresAt: tokens.expiresAt === undefined ? undefined : new Date(tokens.expiresAt), scope: tokens.scope };
}
