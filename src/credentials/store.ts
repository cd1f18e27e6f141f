/**
 * The per-tenant credential store on PostgreSQL: one AES-256-GCM ciphertext per connection,
 * bound by its additional data to the workspace and connection, so a ciphertext copied to another
 * row does not open. Read at the moment of use; nothing is cached across calls or tenants.
 */
import type pg from 'pg';
import { CredentialDecryptError, decryptJson, encryptJson, needsRotation, reencrypt } from './crypto/index.js';
import type { KeySource } from './master-key-source.js';

export type SecretValues = Record<string, string>;

/** A pool or a transaction's client. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rowCount: number | null }>;
}

export interface CredentialRef {
  workspaceId: string;
  connectionId: string;
}

/** A compare-and-set write lost: someone wrote the credentials after the caller read them. */
export class CredentialVersionConflictError extends Error {
  override readonly name = 'CredentialVersionConflictError';
  constructor() {
    super('the credentials changed meanwhile (version conflict)');
  }
}

export interface WriteOptions {
  /**
   * Also queue the row in `vault_outbox`, in the same statement, so a crash between this write
   * and the Vault push can never leave Vault silently behind. @default false
   */
  queueForVault?: boolean;
}

const KEY_CHECK = 'credential_key_check';
const KEY_CHECK_AAD = { tenantId: 'platform', connectionId: 'key-check' };

export class CredentialStore {
  /** `pool` is public so the parts built on the store (refresh leases, OAuth states) share it. */
  constructor(readonly pool: pg.Pool, private readonly keys: KeySource) {}

  /**
   * Fails at start, with a clear message, when the configured key cannot open what this database
   * holds: better than a pile of undecryptable connections discovered later.
   */
  async verifyKey(): Promise<void> {
    const { rows } = await this.pool.query<{ value: { ciphertext: string; keyId: string } }>('select value from platform_state where key = $1', [KEY_CHECK]);
    const check = rows[0]?.value;
    if (!check) {
      await this.writeKeyCheck();
      return;
    }
    try {
      this.open(Buffer.from(check.ciphertext, 'base64'), KEY_CHECK_AAD);
    } catch {
      throw new Error(`the master key (${this.keys.describe()}, key id ${this.keys.keyring().activeKeyId}) cannot open the credentials in this database: they were written with key id ${check.keyId}. Set CONNECTOR_ENCRYPTION_KEY to that key, or list it in CONNECTOR_ENCRYPTION_KEYS_PREVIOUS.`);
    }
  }

  private async writeKeyCheck(): Promise<void> {
    const ring = this.keys.keyring();
    const ciphertext = encryptJson({ ok: true }, KEY_CHECK_AAD, ring).toString('base64');
    await this.pool.query(
      `insert into platform_state (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value`,
      [KEY_CHECK, JSON.stringify({ ciphertext, keyId: ring.activeKeyId })],
    );
  }

  private open<T>(ciphertext: Buffer, aad: { tenantId: string; connectionId: string }): T {
    try {
      return decryptJson<T>(ciphertext, aad, this.keys.keyring());
    } catch (error) {
      // Another process may have rotated the key file: re-read it once before giving up.
      if (error instanceof CredentialDecryptError && error.reason === 'unknown_key' && this.keys.reload()) return decryptJson<T>(ciphertext, aad, this.keys.keyring());
      throw error;
    }
  }

  async write(ref: CredentialRef, secrets: SecretValues, expectedVersion?: number, options: WriteOptions = {}): Promise<number> {
    const ring = this.keys.keyring();
    const ciphertext = encryptJson(secrets, { tenantId: ref.workspaceId, connectionId: ref.connectionId }, ring);
    // Data-modifying CTEs always run; the outbox insert selects from `written`, so it only
    // happens when the credential write itself did (same workspace, version matched).
    const { rows } = await this.pool.query<{ version: number }>(
      `with written as (
         insert into credentials (connection_id, workspace_id, ciphertext, key_id, version) values ($1, $2, $3, $4, 1)
         on conflict (connection_id) do update set ciphertext = excluded.ciphertext, key_id = excluded.key_id,
           version = credentials.version + 1, updated_at = now()
         where credentials.workspace_id = excluded.workspace_id and ($5::int is null or credentials.version = $5::int)
         returning connection_id, workspace_id, version),
       queued as (
         insert into vault_outbox (connection_id, workspace_id) select connection_id, workspace_id from written where $6::boolean
         on conflict (connection_id) do update set queued_at = now())
       select version from written`,
      [ref.connectionId, ref.workspaceId, ciphertext, ring.activeKeyId, expectedVersion ?? null, options.queueForVault ?? false],
    );
    if (!rows[0]) {
      if (expectedVersion === undefined) throw new Error('the connection belongs to another workspace');
      throw new CredentialVersionConflictError();
    }
    return rows[0].version;
  }

  /** The secrets of a connection, or null when none are stored. */
  async read(ref: CredentialRef): Promise<{ secrets: SecretValues; version: number } | null> {
    const { rows } = await this.pool.query<{ ciphertext: Buffer; version: number }>(
      'select ciphertext, version from credentials where connection_id = $1 and workspace_id = $2', [ref.connectionId, ref.workspaceId]);
    if (!rows[0]) return null;
    return { secrets: this.open<SecretValues>(rows[0].ciphertext, { tenantId: ref.workspaceId, connectionId: ref.connectionId }), version: rows[0].version };
  }

  /** Deletes the ciphertext (and any queued Vault push of it) in `db`, a transaction's client where the caller has one. */
  async remove(ref: CredentialRef, db: Queryable = this.pool): Promise<void> {
    await db.query('delete from vault_outbox where connection_id = $1 and workspace_id = $2', [ref.connectionId, ref.workspaceId]);
    await db.query('delete from credentials where connection_id = $1 and workspace_id = $2', [ref.connectionId, ref.workspaceId]);
  }

  async configured(ref: CredentialRef): Promise<boolean> {
    const { rowCount } = await this.pool.query('select 1 from credentials where connection_id = $1 and workspace_id = $2', [ref.connectionId, ref.workspaceId]);
    return rowCount === 1;
  }

  /**
   * Re-encrypts every ciphertext not under the active key, one row at a time with
   * compare-and-set on the version, so a concurrent refresh is never overwritten.
   */
  async rotate(): Promise<{ rotated: number; skipped: number }> {
    const ring = this.keys.keyring();
    let rotated = 0;
    let skipped = 0;
    const { rows } = await this.pool.query<{ connection_id: string; workspace_id: string; ciphertext: Buffer; version: number }>(
      'select connection_id, workspace_id, ciphertext, version from credentials where key_id <> $1', [ring.activeKeyId]);
    for (const row of rows) {
      if (!needsRotation(row.ciphertext, ring)) continue;
      const next = reencrypt(row.ciphertext, { tenantId: row.workspace_id, connectionId: row.connection_id }, ring);
      const res = await this.pool.query(
        'update credentials set ciphertext = $1, key_id = $2, updated_at = now() where connection_id = $3 and version = $4',
        [next, ring.activeKeyId, row.connection_id, row.version],
      );
      if (res.rowCount === 1) rotated++;
      else skipped++;
    }
    await this.writeKeyCheck();
    return { rotated, skipped };
  }
}
