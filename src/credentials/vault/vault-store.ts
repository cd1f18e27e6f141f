/**
 * Credentials in Vault KV v2 (`forgeworks/{workspaceId}/{connectionId}`), with the encrypted
 * PostgreSQL store as a full copy. Every write lands in PostgreSQL first, queued in the outbox in
 * the same statement, then goes to Vault (see push.ts). When Vault does not answer, reads come
 * from the copy and queued writes wait for `reconcile()`: a Vault outage never wedges a connector.
 * The versions callers see are the store's own (the copy's), which Vault entries carry too, so
 * either side can tell which one is newer.
 */
import type pg from 'pg';
import { silentLogger, type Logger } from '../../core/index.js';
import type { CredentialBackend, StoredCredentials } from '../backend.js';
import type { KeySource } from '../master-key-source.js';
import { CredentialStore, type CredentialRef, type Queryable, type SecretValues } from '../store.js';
import { isVaultUnavailable, VaultUnavailableError } from './errors.js';
import { VaultHealth } from './health.js';
import { VaultKvClient, type VaultClientOptions } from './kv-client.js';
import * as outbox from './outbox.js';
import { pushAndClear, readEntry, type PushDeps } from './entries.js';
import { reconcileQueued, type ReconcileResult } from './reconcile.js';

export type { ReconcileResult } from './reconcile.js';

export interface VaultStoreOptions {
  pool: pg.Pool;
  keys: KeySource;
  vault: VaultKvClient | VaultClientOptions;
  /** @default 'forgeworks' */
  prefix?: string;
  /** After Vault failed to answer, calls skip it (serving the copy) for this long. @default 1000 */
  probeMs?: number;
  /** @default silent */
  logger?: Logger;
}

export class VaultCredentialStore implements CredentialBackend {
  readonly pool: pg.Pool;
  readonly copy: CredentialStore;
  readonly kv: VaultKvClient;
  readonly #ownsClient: boolean;
  readonly #log: Logger;
  readonly #health: VaultHealth;
  readonly #push: PushDeps;
  #reconciling: Promise<ReconcileResult> | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: VaultStoreOptions) {
    this.pool = options.pool;
    this.copy = new CredentialStore(options.pool, options.keys);
    this.#ownsClient = !(options.vault instanceof VaultKvClient);
    this.kv = options.vault instanceof VaultKvClient ? options.vault : new VaultKvClient(options.vault);
    this.#log = (options.logger ?? silentLogger).child({ component: 'vault-store' });
    this.#health = new VaultHealth(options.probeMs ?? 1000, this.#log, () => this.#kick());
    const prefix = options.prefix ?? 'forgeworks';
    this.#push = { pool: this.pool, copy: this.copy, kv: this.kv, health: this.#health, path: (ref) => `${prefix}/${ref.workspaceId}/${ref.connectionId}` };
  }

  verifyKey(): Promise<void> {
    return this.copy.verifyKey();
  }

  async write(ref: CredentialRef, secrets: SecretValues, expectedVersion?: number): Promise<number> {
    const version = await this.copy.write(ref, secrets, expectedVersion, { queueForVault: true });
    if (this.#health.skip()) return version;
    // The write is durable (copy + outbox) whatever Vault says now; a failed push stays queued.
    await pushAndClear(this.#push, ref).catch((error: unknown) => this.#failed(ref, error));
    return version;
  }

  async read(ref: CredentialRef): Promise<StoredCredentials | null> {
    const [entry, copyVersion] = await Promise.all([readEntry(this.#push, ref), outbox.copyVersion(this.pool, ref)]);
    if (entry && entry !== 'down' && (copyVersion === undefined || entry.version >= copyVersion)) return { secrets: entry.secrets, version: entry.version };
    // Vault is unreachable, lacks the entry or is behind (a queued write): the copy answers.
    if (entry !== 'down' && copyVersion !== undefined) {
      await outbox.enqueue(this.pool, ref);
      this.#kick();
    }
    return this.copy.read(ref);
  }

  configured(ref: CredentialRef): Promise<boolean> {
    return this.copy.configured(ref);
  }

  /**
   * Vault first, every version: when Vault does not answer, nothing is removed and the caller can
   * try again (a deleted connection must not leave its secrets behind in Vault). Should the
   * caller's transaction then fail, the copy survives and is pushed back on its next read.
   */
  async remove(ref: CredentialRef, db?: Queryable): Promise<void> {
    if (this.#health.skip()) throw new VaultUnavailableError('Vault is not answering; the credentials were not removed');
    await this.#health.track(() => this.kv.destroy(this.#push.path(ref)));
    await this.copy.remove(ref, db);
  }

  /** Re-encrypts the PostgreSQL copy; Vault encrypts with its own keys. */
  rotate(): Promise<{ rotated: number; skipped: number }> {
    return this.copy.rotate();
  }

  /** Pushes every queued connection's latest copy to Vault and clears it; stops early when Vault is down. */
  reconcile(): Promise<ReconcileResult> {
    this.#reconciling ??= reconcileQueued(this.#push, (ref, error) => this.#failed(ref, error)).finally(() => (this.#reconciling = undefined));
    return this.#reconciling;
  }

  /** Reconciles now and every `intervalMs` until `stop()`. @param intervalMs @default 30_000 */
  start(options: { intervalMs?: number } = {}): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => this.#kick(), options.intervalMs ?? 30_000);
    this.#timer.unref();
    this.#kick();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#reconciling?.catch(() => undefined);
    if (this.#ownsClient) await this.kv.close();
  }

  async #failed(ref: CredentialRef, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : 'unknown error';
    await outbox.recordFailure(this.pool, ref, message);
    if (!isVaultUnavailable(error)) this.#log.error({ connection: ref.connectionId, err: message }, 'Vault refused a credential write; it stays queued');
  }

  #kick(): void {
    this.reconcile().catch((error: unknown) => this.#log.error({ err: (error as Error).message }, 'Vault reconciliation failed'));
  }
}
