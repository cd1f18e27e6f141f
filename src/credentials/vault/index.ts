/**
 * The Vault backend: a KV v2 client and the store that keeps Vault and the encrypted PostgreSQL
 * copy in step. The stand-in (`vault-sandbox.ts`) is imported by path by tests and the demo.
 */
export { VaultKvClient, type VaultClientOptions } from './kv-client.js';
export { VaultCredentialStore, type VaultStoreOptions, type ReconcileResult } from './vault-store.js';
export { VaultError, VaultUnavailableError, isVaultUnavailable } from './errors.js';
export { storedEntry, type StoredEntry } from './responses.js';
