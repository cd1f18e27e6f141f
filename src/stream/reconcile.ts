/**
 * Deletes for vendors without a deleted feed: after a COMPLETE full read, every record of the
 * stream that the read did not see is gone at the vendor. Never run after a partial read.
 */
import type pg from 'pg';
import type { CanonicalType } from '../canonical/index.js';
import { CANONICAL_TABLES } from './persist-page.js';

export async function reconcileDeletes(client: pg.Pool | pg.PoolClient, input: {
  workspaceId: string; connectionId: string; object: string; canonical: CanonicalType; generation: string; runId: string;
}): Promise<number> {
  const table = CANONICAL_TABLES[input.canonical];
  const { rows } = await client.query<{ deleted: number }>(`
with gone as (
  update ${table} c set deleted_at = now(), updated_at = now()
  where c.workspace_id = $1 and c.connection_id = $2 and c.object = $3 and c.deleted_at is null
    and c.seen_run_id is distinct from $4::uuid
  returning c.external_id
),
logged as (
  insert into change_log (workspace_id, connection_id, object, external_id, op, canonical_type, data, run_id)
  select $1, $2, $3, g.external_id, 'delete', $5, null, $6 from gone g order by g.external_id
  returning 1
),
run as (
  update sync_runs r set result = jsonb_set(r.result, '{stats,deleted}',
    to_jsonb(coalesce((r.result->'stats'->>'deleted')::int, 0) + (select count(*) from logged)::int), true)
  where r.id = $6
  returning 1
)
select (select count(*) from logged)::int as deleted, (select count(*) from run)::int as recorded`,
  [input.workspaceId, input.connectionId, input.object, input.generation, input.canonical, input.runId]);
  return rows[0]!.deleted;
}
