/**
 * Sync runs: trigger one (queued on pg-boss when the server has a queue, else run in the
 * request), list them, read one with its stats and error.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { enqueueSync } from '../../orchestration/index.js';
import { runSync, StreamBusyError } from '../../stream/index.js';
import { iso, withTransaction, type Queryable } from '../db.js';
import { conflict } from '../errors.js';
import { cursorSchema, cursorAt, limitSchema, pageOf, timeKeyset } from '../paging.js';
import { defineRoute, type AnyRouteSpec } from '../route-spec.js';
import { idSchema, pageSchema } from '../schemas/common.js';
import { runSchema, triggerBody } from '../schemas/runs.js';
import { streamParams } from './streams.js';

interface RunRow {
  id: string; connection_id: string; stream_id: string; object: string; mode: 'full' | 'incremental'; status: 'queued' | 'running' | 'succeeded' | 'failed';
  result: { records?: number; pages?: number; stats?: Partial<Record<'created' | 'updated' | 'deleted' | 'errors', number>> } | null;
  error: { kind?: string; message?: string; status?: number; code?: string; fields?: Array<{ field: string; message: string }> } | null;
  created_at: Date; started_at: Date | null; finished_at: Date | null;
}

const RUN_COLUMNS = 'id, connection_id, stream_id, object, mode, status, result, error, created_at, started_at, finished_at';

const toRun = (r: RunRow) => ({
  id: r.id, connectionId: r.connection_id, streamId: r.stream_id, object: r.object, mode: r.mode, status: r.status,
  records: r.result?.records ?? 0, pages: r.result?.pages ?? 0,
  stats: { created: r.result?.stats?.created ?? 0, updated: r.result?.stats?.updated ?? 0, deleted: r.result?.stats?.deleted ?? 0, errors: r.result?.stats?.errors ?? 0 },
  error: r.error ? { kind: r.error.kind ?? 'unexpected', message: r.error.message ?? '', status: r.error.status ?? null, code: r.error.code ?? null, fields: r.error.fields ?? [] } : null,
  createdAt: iso(r.created_at), startedAt: iso(r.started_at), finishedAt: iso(r.finished_at),
});

async function readRun(db: Queryable, workspaceId: string, id: string): Promise<RunRow | undefined> {
  const { rows } = await db.query<RunRow>(`select ${RUN_COLUMNS} from sync_runs where id = $1 and workspace_id = $2`, [id, workspaceId]);
  return rows[0];
}

const triggerRun = defineRoute({
  method: 'POST', url: '/api/v1/workspaces/:workspaceId/connections/:connectionId/streams/:object/runs', operationId: 'triggerRun', tag: 'runs',
  access: 'workspace_member', audit: 'run.create', status: 202,
  summary: 'Sync the stream now: queued when the platform runs workers, otherwise run before answering',
  description: 'One run per stream at a time: 409 when the stream is already being synced or a run is already queued.',
  params: streamParams, body: triggerBody, response: runSchema, errors: [409],
  async handler({ services, scope, body, audit }) {
    const stream = scope.stream!;
    if (scope.connection!.status === 'disabled') throw conflict('connection_disabled', 'the connection is disabled; enable it first');
    const mode = body.mode === 'full' || !stream.last_full_sync_at || stream.full_sync_run_id ? 'full' : 'incremental';
    const runId = randomUUID();
    if (services.boss) {
      // Sent first: a refused send (one queued per stream) leaves nothing behind. The worker may
      // start before the row is written, hence `do nothing` on the id it already inserted.
      const job = await enqueueSync(services.boss, { streamId: stream.id, mode: body.mode, runId });
      if (!job) throw conflict('run_already_queued', 'a run of this stream is already queued');
      return withTransaction(services.pool, async (client) => {
        await client.query(
          `insert into sync_runs (id, workspace_id, connection_id, stream_id, object, mode, status) values ($1, $2, $3, $4, $5, $6, 'queued') on conflict (id) do nothing`,
          [runId, stream.workspace_id, stream.connection_id, stream.id, stream.object, mode]);
        await audit({ target: `run:${runId}`, diff: { object: stream.object, mode, queued: true } }, client);
        return toRun((await readRun(client, stream.workspace_id, runId))!);
      });
    }
    try {
      await runSync(services.pool, services.connections, { streamId: stream.id, mode: body.mode, runId });
    } catch (error) {
      if (error instanceof StreamBusyError) throw conflict('stream_busy', 'the stream is being synced by another run');
      // Otherwise the runner recorded the failed run (scrubbed); its row is the answer.
    }
    const run = await readRun(services.pool, stream.workspace_id, runId);
    if (!run) throw new Error(`run ${runId} left no record`);
    await audit({ target: `run:${runId}`, diff: { object: stream.object, mode: run.mode, queued: false, status: run.status } });
    return toRun(run);
  },
});

const listRuns = defineRoute({
  method: 'GET', url: '/api/v1/workspaces/:workspaceId/runs', operationId: 'listRuns', tag: 'runs', access: 'workspace_member',
  summary: 'Sync runs, newest first', params: z.object({ workspaceId: idSchema }),
  query: z.object({
    connectionId: idSchema.optional(), object: z.string().max(100).optional(), status: z.enum(['queued', 'running', 'succeeded', 'failed']).optional(),
    limit: limitSchema, cursor: cursorSchema,
  }),
  response: pageSchema(runSchema),
  async handler({ deps, scope, query }) {
    const keyset = timeKeyset(query.cursor, 6);
    const { rows } = await deps.pool.query<RunRow & { cursor_at: string }>(
      `select ${RUN_COLUMNS}, ${cursorAt()} from sync_runs
       where workspace_id = $1 and ($2::uuid is null or connection_id = $2) and ($3::text is null or object = $3) and ($4::text is null or status = $4)
       ${keyset.sql} order by created_at desc, id desc limit $5`,
      [scope.workspace!.id, query.connectionId ?? null, query.object ?? null, query.status ?? null, query.limit + 1, ...keyset.params]);
    return pageOf(rows, query.limit, toRun, (r) => [r.cursor_at, r.id]);
  },
});

const getRun = defineRoute({
  method: 'GET', url: '/api/v1/workspaces/:workspaceId/runs/:runId', operationId: 'getRun', tag: 'runs', access: 'workspace_member',
  summary: 'One run: status, stats, error', params: z.object({ workspaceId: idSchema, runId: idSchema }), response: runSchema,
  async handler({ deps, scope }) {
    return toRun((await readRun(deps.pool, scope.workspace!.id, scope.run!.id))!);
  },
});

export const runRoutes: AnyRouteSpec[] = [triggerRun, listRuns, getRun];
