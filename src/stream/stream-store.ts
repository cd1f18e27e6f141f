import type pg from 'pg';

export interface StreamRow {
  id: string;
  workspaceId: string;
  connectionId: string;
  object: string;
  cursor: unknown;
  fullSyncCursor: unknown;
  fullSyncRunId: string | null;
  lastFullSyncAt: Date | null;
  mapping: unknown;
}

export async function loadStream(pool: pg.Pool, streamId: string): Promise<StreamRow> {
  const { rows } = await pool.query<StreamRow>(
    `select id, workspace_id as "workspaceId", connection_id as "connectionId", object, cursor, full_sync_cursor as "fullSyncCursor",
       full_sync_run_id as "fullSyncRunId", last_full_sync_at as "lastFullSyncAt", mapping
     from streams where id = $1`, [streamId]);
  if (!rows[0]) throw new Error(`no stream ${streamId}`);
  return rows[0];
}

/**
 * One run per stream at a time, across every worker: a lease row, renewed by every committed
 * page, that a crashed run's successor may take once it has expired.
 */
export async function acquireStreamLease(pool: pg.Pool, streamId: string, runId: string, ttlSeconds = 300): Promise<boolean> {
  const { rowCount } = await pool.query(
    `update streams set lease_owner = $2, lease_until = now() + make_interval(secs => $3)
     where id = $1 and (lease_owner is null or lease_until < now() or lease_owner = $2)`,
    [streamId, runId, ttlSeconds],
  );
  return rowCount === 1;
}

export async function releaseStreamLease(pool: pg.Pool, streamId: string, runId: string): Promise<void> {
  await pool.query('update streams set lease_owner = null, lease_until = null where id = $1 and lease_owner = $2', [streamId, runId]).catch(() => {});
}
