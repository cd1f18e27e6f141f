/**
 * The `vault_outbox` rows: connections whose PostgreSQL copy is newer than what Vault confirmed.
 * Rows are made by the credential write itself (see CredentialStore.write `queueForVault`).
 */
import type pg from 'pg';
import type { CredentialRef } from '../store.js';

export async function queuedRefs(pool: pg.Pool): Promise<CredentialRef[]> {
  const { rows } = await pool.query<{ connection_id: string; workspace_id: string }>(
    'select connection_id, workspace_id from vault_outbox order by queued_at');
  return rows.map((r) => ({ workspaceId: r.workspace_id, connectionId: r.connection_id }));
}

/** For a copy Vault has never seen (written before Vault was configured): queue it once. */
export async function enqueue(pool: pg.Pool, ref: CredentialRef): Promise<void> {
  await pool.query(
    `insert into vault_outbox (connection_id, workspace_id) select connection_id, workspace_id from credentials
     where connection_id = $1 and workspace_id = $2 on conflict (connection_id) do nothing`,
    [ref.connectionId, ref.workspaceId]);
}

/**
 * Clears the row only while `pushed` is still the latest version: a write that landed after the
 * push re-queued the row and must stay queued.
 */
export async function clear(pool: pg.Pool, ref: CredentialRef, pushed: number): Promise<void> {
  await pool.query(
    `delete from vault_outbox where connection_id = $1
     and not exists (select 1 from credentials c where c.connection_id = $1 and c.version > $2)`,
    [ref.connectionId, pushed]);
}

export async function recordFailure(pool: pg.Pool, ref: CredentialRef, message: string): Promise<void> {
  await pool.query('update vault_outbox set attempts = attempts + 1, last_error = $2 where connection_id = $1',
    [ref.connectionId, message.slice(0, 500)]);
}

export async function count(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from vault_outbox');
  return rows[0]!.n;
}

/** The version of the PostgreSQL copy, without decrypting it. */
export async function copyVersion(pool: pg.Pool, ref: CredentialRef): Promise<number | undefined> {
  const { rows } = await pool.query<{ version: number }>(
    'select version from credentials where connection_id = $1 and workspace_id = $2', [ref.connectionId, ref.workspaceId]);
  return rows[0]?.version;
}
