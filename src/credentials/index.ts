/**
 * The credentials folder's public face: the stores (encrypted PostgreSQL, Vault), the key
 * source, the auth strategies and the OAuth flow service.
 */
export type { CredentialBackend, StoredCredentials } from './backend.js';
export { CredentialStore, CredentialVersionConflictError, type CredentialRef, type SecretValues, type WriteOptions } from './store.js';
export { openCredentialStore, type OpenCredentialStoreOptions } from './open-store.js';
export { openKeySource, KEY_FILE, type KeySource, type KeySourceOptions } from './master-key-source.js';
export { strategyForMethod, fillTemplate, type StrategyInput } from './strategy-for-method.js';
export * from './oauth/index.js';
export * from './vault/index.js';
