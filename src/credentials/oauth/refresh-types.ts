import type { Logger } from '../../core/index.js';
import type { CredentialBackend } from '../backend.js';
import type { ClientAuthMethod, Clock, FetchToken } from '../strategies/index.js';
import type { CredentialRef, SecretValues } from '../store.js';
import type { StoredTokenSet } from './token-fields.js';

export interface TokenRecord {
  secrets: SecretValues;
  tokens: StoredTokenSet;
  version: number;
}

/** What the refresh procedure needs from the strategy that runs it. */
export interface RefreshContext {
  store: CredentialBackend;
  ref: CredentialRef;
  tokenUrl: string;
  clientId: string | undefined;
  clientSecret: string | undefined;
  clientAuth: ClientAuthMethod | undefined;
  fetchToken: FetchToken;
  owner: string;
  leaseMs: number;
  pollMs: number;
  now: Clock;
  logger: Logger;
  readTokens(): Promise<TokenRecord>;
  /** Good to send now, with the refresh-ahead margin. */
  usable(record: TokenRecord): boolean;
  /** Past its expiry (no margin). */
  expired(record: TokenRecord): boolean;
  /** Adds the values to what `secrets()` reports, for the scrubber. */
  remember(secrets: SecretValues): void;
}
