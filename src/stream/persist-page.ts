/**
 * Commits one page in ONE SQL statement, hence one transaction and one round trip: upsert the
 * canonical rows, mark tombstones deleted, append a change event for each real change, store
 * dead letters, advance the checkpoint and the run's counters. A crash either commits all of it
 * or none of it; a re-read page finds its records unchanged and logs nothing twice.
 *
 * Every CTE sees the table as it was before the statement (one snapshot), which is how
 * `existing` tells inserts, updates and no-ops apart.
 */
import type pg from 'pg';
import type { CanonicalType } from '../canonical/index.js';
import type { PreparedRow, Rejected } from './prepare-page.js';

export const CANONICAL_TABLES: Record<CanonicalType, string> = {
  person: 'canonical_persons',
  account: 'canonical_accounts',
  activity: 'canonical_activities',
};

export interface PersistPageInput {
  workspaceId: string;
  connectionId: string;
  streamId: string;
  runId: string;
  object: string;
  canonical: CanonicalType;
  rows: PreparedRow[];
  rejected: Rejected[];
  /** The checkpoint to store with this page. */
  cursor: unknown;
  /** Full reads checkpoint into `full_sync_cursor` and stamp rows with the full sync's generation. */
  mode: 'full' | 'incremental';
  /** The full read's generation (the run that started it); null for incremental. */
  generation: string | null;
  hasMore: boolean;
  /** Records the vendor returned on this page (before dedupe), for the run's `records`. */
  recordCount: number;
}

/** The run no longer holds the stream (it vanished, or another run took over an expired lease). */
export class LeaseLostError extends Error {
  constructor(readonly streamId: string) {
    super(`stream ${streamId} is no longer held by this run; nothing from this page was committed`);
  }
}

export interface PageCounts {
  created: number;
  updated: number;
  deleted: number;
  errors: number;
}

const statementCache = new Map<CanonicalType, string>();

function statementFor(canonical: CanonicalType): string {
  const cached = statementCache.get(canonical);
  if (cached) return cached;
  const table = CANONICAL_TABLES[canonical];
  const sql = `
with input as (
  select * from unnest($1::text[], $2::jsonb[], $3::jsonb[], $4::text[], $5::boolean[]) as t(external_id, data, raw, hash, deleted)
),
existing as (
  select c.external_id, c.hash, c.deleted_at from ${table} c
  where c.workspace_id = $6 and c.connection_id = $7 and c.object = $8 and c.external_id = any($1::text[])
),
changes as (
  select i.external_id, i.data,
    case when i.deleted then 'delete' when e.external_id is null then 'insert' else 'update' end as op
  from input i left join existing e on e.external_id = i.external_id
  where (not i.deleted and (e.external_id is null or e.hash <> i.hash or e.deleted_at is not null))
     or (i.deleted and e.external_id is not null and e.deleted_at is null)
),
upserted as (
  insert into ${table} as c (workspace_id, connection_id, object, external_id, data, raw, hash, seen_run_id)
  select $6, $7, $8, i.external_id, i.data, i.raw, i.hash, $9::uuid from input i where not i.deleted
  on conflict (workspace_id, connection_id, object, external_id) do update
    set data = excluded.data, raw = excluded.raw, hash = excluded.hash, deleted_at = null,
        seen_run_id = coalesce(excluded.seen_run_id, c.seen_run_id),
        updated_at = case when c.hash <> excluded.hash or c.deleted_at is not null then now() else c.updated_at end
    where $9::uuid is not null or c.hash <> excluded.hash or c.deleted_at is not null
  returning 1
),
tombstoned as (
  update ${table} c set deleted_at = now(), updated_at = now()
  from input i
  where i.deleted and c.workspace_id = $6 and c.connection_id = $7 and c.object = $8 and c.external_id = i.external_id and c.deleted_at is null
  returning 1
),
logged as (
  insert into change_log (workspace_id, connection_id, object, external_id, op, canonical_type, data, run_id)
  select $6, $7, $8, ch.external_id, ch.op, $10, case when ch.op = 'delete' then null else ch.data end, $11
  from changes ch order by ch.external_id
  returning op
),
dead as (
  insert into dead_letters (workspace_id, connection_id, run_id, object, external_id, reason, fields, payload)
  select $6, $7, $11, $8, d.external_id, d.reason, d.fields, d.payload
  from unnest($12::text[], $13::text[], $14::jsonb[], $15::jsonb[]) as d(external_id, reason, fields, payload)
  returning 1
),
counts as (
  select
    (select count(*) from logged where op = 'insert')::int as created,
    (select count(*) from logged where op = 'update')::int as updated,
    (select count(*) from logged where op = 'delete')::int as deleted,
    (select count(*) from dead)::int as errors,
    (select count(*) from upserted)::int as upserts,
    (select count(*) from tombstoned)::int as tombstones
),
checkpoint as (
  update streams set
    cursor = case when $16 = 'incremental' then $17::jsonb else cursor end,
    full_sync_cursor = case when $16 = 'full' then $17::jsonb else full_sync_cursor end
  where id = $18 and lease_owner = $11
  returning 1
),
run as (
  update sync_runs r set result = r.result || jsonb_build_object(
    'records', coalesce((r.result->>'records')::int, 0) + $19::int,
    'cursor', $17::jsonb,
    'hasMore', $20::boolean,
    'pages', coalesce((r.result->>'pages')::int, 0) + 1,
    'stats', jsonb_build_object(
      'created', coalesce((r.result->'stats'->>'created')::int, 0) + (select created from counts),
      'updated', coalesce((r.result->'stats'->>'updated')::int, 0) + (select updated from counts),
      'deleted', coalesce((r.result->'stats'->>'deleted')::int, 0) + (select deleted from counts),
      'errors', coalesce((r.result->'stats'->>'errors')::int, 0) + (select errors from counts)))
  where r.id = $11
  returning 1
)
select c.created, c.updated, c.deleted, c.errors, (select count(*) from checkpoint)::int as checkpointed, (select count(*) from run)::int as recorded
from counts c`;
  statementCache.set(canonical, sql);
  return sql;
}

export async function persistPage(client: pg.Pool | pg.PoolClient, input: PersistPageInput): Promise<PageCounts> {
  const { rows, rejected } = input;
  const result = await client.query<PageCounts & { checkpointed: number }>(statementFor(input.canonical), [
    rows.map((r) => r.externalId),
    rows.map((r) => JSON.stringify(r.data)),
    rows.map((r) => (r.raw === null || r.raw === undefined ? null : JSON.stringify(r.raw))),
    rows.map((r) => r.hash),
    rows.map((r) => r.deleted),
    input.workspaceId, input.connectionId, input.object,
    input.mode === 'full' ? input.generation : null,
    input.canonical, input.runId,
    rejected.map((d) => d.externalId),
    rejected.map((d) => d.reason),
    rejected.map((d) => JSON.stringify(d.fields)),
    rejected.map((d) => (d.payload === undefined ? null : JSON.stringify(d.payload))),
    input.mode,
    JSON.stringify(input.cursor ?? null),
    input.streamId,
    input.recordCount,
    input.hasMore,
  ]);
  const row = result.rows[0]!;
  if (row.checkpointed !== 1) throw new LeaseLostError(input.streamId);
  return { created: row.created, updated: row.updated, deleted: row.deleted, errors: row.errors };
}
