/**
 * Dead letters: records a sync rejected. Replay re-runs the stored payload through the stream's
 * current mapping and, when it now passes, persists it exactly as a sync page would (canonical
 * row, change event), marking the dead letter replayed in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { scrubGeneric } from '../../core/index.js';
import { acquireStreamLease, persistPage, preparePage, releaseStreamLease } from '../../stream/index.js';
import { iso, withTransaction, type Queryable } from '../db.js';
import { ApiError, conflict } from '../errors.js';
import { cursorSchema, cursorAt, limitSchema, pageOf, timeKeyset } from '../paging.js';
import type { ConnectionRow, StreamRow } from '../resolvers.js';
import { defineRoute, type AnyRouteSpec } from '../route-spec.js';
import { idSchema, pageSchema, queryBoolean } from '../schemas/common.js';
import { deadLetterSchema, replaySchema } from '../schemas/data.js';
import { effectiveMapping, objectOf } from './streams.js';

interface DeadLetterRow {
  id: string; workspace_id: string; connection_id: string; run_id: string | null; object: string; external_id: string | null; reason: string;
  fields: Array<{ field: string; message: string }>; payload: unknown; replayed_at: Date | null; created_at: Date;
}

const DL_COLUMNS = 'id, workspace_id, connection_id, run_id, object, external_id, reason, fields, payload, replayed_at, created_at';

const toDeadLetter = (r: DeadLetterRow, withPayload: boolean) => ({
  id: r.id, connectionId: r.connection_id, runId: r.run_id, object: r.object, externalId: r.external_id, reason: r.reason, fields: r.fields ?? [],
  ...(withPayload ? { payload: r.payload } : {}), replayedAt: iso(r.replayed_at), createdAt: iso(r.created_at),
});

const dlParams = z.object({ workspaceId: idSchema, deadLetterId: idSchema });

async function readDeadLetter(db: Queryable, workspaceId: string, id: string): Promise<DeadLetterRow> {
  const { rows } = await db.query<DeadLetterRow>(`select ${DL_COLUMNS} from dead_letters where id = $1 and workspace_id = $2`, [id, workspaceId]);
  return rows[0]!;
}

const listDeadLetters = defineRoute({
  method: 'GET', url: '/api/v1/workspaces/:workspaceId/dead-letters', operationId: 'listDeadLetters', tag: 'dead-letters', access: 'workspace_member',
  summary: 'Rejected records, newest first (payloads in the single view)', params: z.object({ workspaceId: idSchema }),
  query: z.object({
    connectionId: idSchema.optional(), runId: idSchema.optional(), object: z.string().max(100).optional(),
    replayed: queryBoolean.optional().meta({ description: 'true: only replayed; false: only those still waiting.' }),
    limit: limitSchema, cursor: cursorSchema,
  }),
  response: pageSchema(deadLetterSchema),
  async handler({ deps, scope, query }) {
    const keyset = timeKeyset(query.cursor, 7);
    const { rows } = await deps.pool.query<DeadLetterRow & { cursor_at: string }>(
      `select ${DL_COLUMNS}, ${cursorAt()} from dead_letters
       where workspace_id = $1 and ($2::uuid is null or connection_id = $2) and ($3::text is null or object = $3)
         and ($4::boolean is null or (replayed_at is not null) = $4) and ($6::uuid is null or run_id = $6) ${keyset.sql}
       order by created_at desc, id desc limit $5`,
      [scope.workspace!.id, query.connectionId ?? null, query.object ?? null, query.replayed ?? null, query.limit + 1, query.runId ?? null, ...keyset.params]);
    return pageOf(rows, query.limit, (r) => toDeadLetter(r, false), (r) => [r.cursor_at, r.id]);
  },
});

const getDeadLetter = defineRoute({
  method: 'GET', url: '/api/v1/workspaces/:workspaceId/dead-letters/:deadLetterId', operationId: 'getDeadLetter', tag: 'dead-letters', access: 'workspace_member',
  summary: 'One dead letter with its (scrubbed) payload and the fields that failed', params: dlParams, response: deadLetterSchema,
  async handler({ deps, scope }) {
    return toDeadLetter(await readDeadLetter(deps.pool, scope.workspace!.id, scope.deadLetter!.id), true);
  },
});

const replay = defineRoute({
  method: 'POST', url: '/api/v1/workspaces/:workspaceId/dead-letters/:deadLetterId/replay', operationId: 'replayDeadLetter', tag: 'dead-letters',
  access: 'workspace_member', audit: 'dead_letter.replay',
  summary: 'Map the stored payload with the stream\'s current mapping and persist it; 422 with the fields when it still fails',
  params: dlParams, response: replaySchema, errors: [409, 422],
  async handler({ deps, services, scope, audit }) {
    const pool = services.pool;
    const letter = await readDeadLetter(pool, scope.workspace!.id, scope.deadLetter!.id);
    if (letter.replayed_at) throw conflict('already_replayed', 'this dead letter was already replayed');
    if (!letter.external_id) throw new ApiError(422, 'still_invalid', 'the record has no id, so it cannot be stored', [{ field: 'id', message: 'is required' }]);
    const { rows: connections } = await pool.query<ConnectionRow>(
      'select id, workspace_id, connector_id, name, auth_method, status, config from connections where id = $1 and workspace_id = $2', [letter.connection_id, letter.workspace_id]);
    const { rows: streams } = await pool.query<StreamRow>('select * from streams where connection_id = $1 and object = $2', [letter.connection_id, letter.object]);
    if (!connections[0] || !streams[0]) throw conflict('unknown_object', 'the stream this record came from no longer exists');
    const stream = streams[0];
    const object = objectOf(deps, connections[0], letter.object);
    const prepared = preparePage([{ id: letter.external_id, data: (letter.payload ?? {}) as Record<string, unknown> }],
      { canonical: object.canonical, mapping: effectiveMapping(stream, object), scrub: scrubGeneric });
    const rejected = prepared.rejected[0];
    if (rejected) throw new ApiError(422, 'still_invalid', rejected.reason, rejected.fields);
    // The stream's lease keeps a concurrent sync from interleaving its checkpoint with this write.
    const leaseId = randomUUID();
    if (!(await acquireStreamLease(pool, stream.id, leaseId))) throw conflict('stream_busy', 'the stream is being synced; replay when the run is done');
    try {
      return await withTransaction(pool, async (client) => {
        const { rows: current } = await client.query<{ cursor: unknown }>('select cursor from streams where id = $1', [stream.id]);
        const counts = await persistPage(client, {
          workspaceId: letter.workspace_id, connectionId: letter.connection_id, streamId: stream.id, runId: leaseId, object: letter.object,
          canonical: object.canonical, rows: prepared.rows, rejected: [], cursor: current[0]?.cursor ?? null, mode: 'incremental', generation: null,
          hasMore: false, recordCount: 1,
        });
        const marked = await client.query<DeadLetterRow>(`update dead_letters set replayed_at = now() where id = $1 and replayed_at is null returning ${DL_COLUMNS}`, [letter.id]);
        if (!marked.rows[0]) throw conflict('already_replayed', 'this dead letter was replayed meanwhile');
        const outcome = counts.created > 0 ? 'created' as const : counts.updated > 0 ? 'updated' as const : 'unchanged' as const;
        await audit({ target: `dead_letter:${letter.id}`, diff: { object: letter.object, externalId: letter.external_id, outcome } }, client);
        return { deadLetter: toDeadLetter(marked.rows[0], true), outcome, record: prepared.rows[0]!.data };
      });
    } finally {
      await releaseStreamLease(pool, stream.id, leaseId);
    }
  },
});

export const deadLetterRoutes: AnyRouteSpec[] = [listDeadLetters, getDeadLetter, replay];
