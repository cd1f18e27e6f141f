/**
 * Picks the credential backend at start-up: Vault (with the encrypted PostgreSQL copy) when a
 * Vault address is configured, the encrypted PostgreSQL store otherwise. Callers read VAULT_ADDR
 * and friends from the environment and pass them in; nothing here reads `process.env`.
 */
import type pg from 'pg';
import type { Logger } from '../core/index.js';
import type { CredentialBackend } from './backend.js';
import type { KeySource } from './master-key-source.js';
import { CredentialStore } from './store.js';
import { VaultCredentialStore } from './vault/vault-store.js';

export interface OpenCredentialStoreOptions {
  pool: pg.Pool;
  keys: KeySource;
  vault?: {
    /** VAULT_ADDR */
    addr: string;
    /** VAULT_TOKEN; or AppRole below */
    token?: string;
    roleId?: string;
    secretId?: string;
    /** The KV v2 mount. @default 'secret' */
    mount?: string;
    /** @default 2000 */
    timeoutMs?: number;
  };
  /** @default silent */
  logger?: Logger;
}

/** A Vault store is returned unstarted: call `start()` to reconcile on an interval. */
export function openCredentialStore(options: OpenCredentialStoreOptions & { vault: NonNullable<OpenCredentialStoreOptions['vault']> }): VaultCredentialStore;
export function openCredentialStore(options: OpenCredentialStoreOptions): CredentialBackend;
export function openCredentialStore(options: OpenCredentialStoreOptions): CredentialBackend {
  if (!options.vault?.addr) return new CredentialStore(options.pool, options.keys);
  return new VaultCredentialStore({ pool: options.pool, keys: options.keys, vault: options.vault, logger: options.logger });
}
