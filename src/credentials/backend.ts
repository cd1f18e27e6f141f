/**
 * What every credential store offers, whichever backend holds the secrets (encrypted PostgreSQL,
 * or Vault with the PostgreSQL copy as fallback). Strategies and flows depend on this, not on a
 * concrete store, so switching the backend is a start-up choice only.
 */
import type pg from 'pg';
import type { CredentialRef, Queryable, SecretValues, WriteOptions } from './store.js';

export interface StoredCredentials {
  secrets: SecretValues;
  /** Bumped on every write; pass it back to `write` for compare-and-set. */
  version: number;
}

export interface CredentialBackend {
  /** The platform database: leases, OAuth states and connection status live there whatever the backend. */
  readonly pool: pg.Pool;
  verifyKey(): Promise<void>;
  /** @throws CredentialVersionConflictError when `expectedVersion` is given and no longer current */
  write(ref: CredentialRef, secrets: SecretValues, expectedVersion?: number, options?: WriteOptions): Promise<number>;
  read(ref: CredentialRef): Promise<StoredCredentials | null>;
  configured(ref: CredentialRef): Promise<boolean>;
  rotate(): Promise<{ rotated: number; skipped: number }>;
  /**
   * Removes a connection's secrets for good: from Vault (every version) where Vault is the
   * backend, then the encrypted copy in `db`. Pass the transaction that deletes the connection, so
   * the copy goes exactly when the connection does. @default db the store's pool
   * @throws VaultUnavailableError when Vault does not answer (the copy is then left untouched)
   */
  remove(ref: CredentialRef, db?: Queryable): Promise<void>;
}
