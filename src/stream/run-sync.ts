/**
 * One sync run of one stream: lease the stream, read pages (the next page is fetched while the
 * current one is written), commit each page with its checkpoint, reconcile deletes after a
 * complete full read, record the SyncResult. Crash-safe: a new run resumes from the checkpoint.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { withTransaction } from '../db/transaction.js';
import { mappingSchema, type Mapping } from '../canonical/index.js';
import { ConnectorError, createScrubber, isConnectorError, scrubGeneric } from '../core/index.js';
import type { ConnectorContext, ConnectorDefinition, ObjectDefinition, Page, SourceOperations, SyncMode } from '../registry/index.js';
import { persistPage, type PageCounts } from './persist-page.js';
import { preparePage } from './prepare-page.js';
import { reconcileDeletes } from './reconcile.js';
import { acquireStreamLease, loadStream, releaseStreamLease, type StreamRow } from './stream-store.js';

export interface SyncResult {
  records: number;
  cursor: unknown;
  hasMore: boolean;
  syncedAt: string;
  stats: PageCounts;
}

/** What the runner needs to reach a connection's vendor: built per run, credentials read then. */
export interface ContextFactory {
  contextFor(connectionId: string, options: { runId: string; signal: AbortSignal }): Promise<{ ctx: ConnectorContext; definition: ConnectorDefinition; secrets: string[] }>;
}

export interface RunSyncOptions {
  streamId: string;
  /** @default 'incremental' (a stream never fully read gets a full read regardless) */
  mode?: SyncMode;
  runId?: string;
  signal?: AbortSignal;
  /**
   * How long the stream stays held if this process dies without releasing it; renewed by a
   * heartbeat and by every committed page. @default 60
   */
  leaseSeconds?: number;
}

export class StreamBusyError extends Error {
  constructor(readonly streamId: string) {
    super(`stream ${streamId} is already being synced by another run`);
  }
}

export async function runSync(pool: pg.Pool, contexts: ContextFactory, options: RunSyncOptions): Promise<SyncResult> {
  const runId = options.runId ?? randomUUID();
  const stream = await loadStream(pool, options.streamId);
  const leaseSeconds = options.leaseSeconds ?? 60;
  if (!(await acquireStreamLease(pool, stream.id, runId, leaseSeconds))) throw new StreamBusyError(stream.id);
  const heartbeat = setInterval(() => { void acquireStreamLease(pool, stream.id, runId, leaseSeconds).catch(() => {}); }, (leaseSeconds * 1000) / 3);
  heartbeat.unref();
  const signal = options.signal ?? new AbortController().signal;
  let scrub = scrubGeneric;
  try {
    const { ctx, definition, secrets } = await contexts.contextFor(stream.connectionId, { runId, signal });
    scrub = createScrubber(secrets);
    const object = definition.objects.find((o) => o.name === stream.object);
    if (!object?.source) throw new ConnectorError(`${definition.id} has no readable object "${stream.object}"`, { kind: 'permanent', code: 'unknown_object' });
    const mode: SyncMode = options.mode === 'full' || !stream.lastFullSyncAt || stream.fullSyncRunId ? 'full' : 'incremental';
    // A full read that was interrupted resumes with its generation and page cursor.
    const generation = mode === 'full' ? stream.fullSyncRunId ?? runId : null;
    await startRun(pool, stream, runId, mode, generation);
    const result = await readAndPersist(pool, { ctx, stream, object, source: object.source as SourceOperations, mode, generation, runId, scrub });
    await finishRun(pool, stream, runId, mode, result);
    return result;
  } catch (error) {
    await failRun(pool, stream, runId, error, scrub);
    throw error;
  } finally {
    clearInterval(heartbeat);
    await releaseStreamLease(pool, stream.id, runId);
  }
}

async function startRun(pool: pg.Pool, stream: StreamRow, runId: string, mode: SyncMode, generation: string | null): Promise<void> {
  await pool.query(
    `insert into sync_runs (id, workspace_id, connection_id, stream_id, object, mode, status, started_at, result)
     values ($1, $2, $3, $4, $5, $6, 'running', now(), '{"records":0,"stats":{"created":0,"updated":0,"deleted":0,"errors":0}}')
     on conflict (id) do update set status = 'running', started_at = now()`,
    [runId, stream.workspaceId, stream.connectionId, stream.id, stream.object, mode],
  );
  if (generation) await pool.query('update streams set full_sync_run_id = $2 where id = $1', [stream.id, generation]);
}

interface ReadInput {
  ctx: ConnectorContext;
  stream: StreamRow;
  object: ObjectDefinition;
  source: SourceOperations;
  mode: SyncMode;
  generation: string | null;
  runId: string;
  scrub: (text: string) => string;
}

async function readAndPersist(pool: pg.Pool, input: ReadInput): Promise<SyncResult> {
  const { stream, object, mode } = input;
  const mapping: Mapping = stream.mapping ? mappingSchema.parse(stream.mapping) : object.mapping;
  const startCursor = mode === 'full' ? stream.fullSyncCursor ?? null : stream.cursor;
  const pages = input.source.read(input.ctx, { cursor: startCursor, mode })[Symbol.asyncIterator]();
  const stats: PageCounts = { created: 0, updated: 0, deleted: 0, errors: 0 };
  let records = 0;
  let cursor: unknown = startCursor;
  let pending = pages.next();
  for (;;) {
    const step = await pending;
    if (step.done) break;
    const page: Page = step.value;
    // Fetch the next page while this one is written: the two round trips overlap.
    pending = pages.next();
    pending.catch(() => {});
    const prepared = preparePage(page.records, { canonical: object.canonical, mapping, scrub: input.scrub });
    const counts = await persistPage(pool, {
      workspaceId: stream.workspaceId, connectionId: stream.connectionId, streamId: stream.id, runId: input.runId, object: stream.object,
      canonical: object.canonical, rows: prepared.rows, rejected: prepared.rejected, cursor: page.cursor, mode, generation: input.generation,
      hasMore: page.hasMore, recordCount: page.records.length,
    });
    for (const key of Object.keys(stats) as Array<keyof PageCounts>) stats[key] += counts[key];
    records += page.records.length;
    cursor = page.cursor;
  }
  if (mode === 'full' && input.source.deletes === 'reconcile' && input.generation) {
    stats.deleted += await reconcileDeletes(pool, {
      workspaceId: stream.workspaceId, connectionId: stream.connectionId, object: stream.object, canonical: object.canonical, generation: input.generation, runId: input.runId,
    });
  }
  return { records, cursor, hasMore: false, syncedAt: new Date().toISOString(), stats };
}

async function finishRun(pool: pg.Pool, stream: StreamRow, runId: string, mode: SyncMode, result: SyncResult): Promise<void> {
  await withTransaction(pool, async (client) => {
    if (mode === 'full') {
      await client.query(
        'update streams set cursor = $2::jsonb, full_sync_cursor = null, full_sync_run_id = null, last_full_sync_at = now() where id = $1',
        [stream.id, JSON.stringify(result.cursor ?? null)],
      );
    }
    await client.query(
      `update sync_runs set status = 'succeeded', finished_at = now(),
         result = result || jsonb_build_object('hasMore', false, 'syncedAt', $2::text, 'cursor', $3::jsonb)
       where id = $1`,
      [runId, result.syncedAt, JSON.stringify(result.cursor ?? null)],
    );
  });
}

async function failRun(pool: pg.Pool, stream: StreamRow, runId: string, error: unknown, scrub: (t: string) => string): Promise<void> {
  if (error instanceof StreamBusyError) return;
  const described = isConnectorError(error)
    ? { ...error.toJSON(), message: scrub(error.message) }
    : { kind: 'unexpected', message: scrub(String((error as Error)?.message ?? error)) };
  await pool.query(
    `insert into sync_runs (id, workspace_id, connection_id, stream_id, object, mode, status, started_at, finished_at, error)
     values ($1, $2, $3, $4, $5, 'incremental', 'failed', now(), now(), $6)
     on conflict (id) do update set status = 'failed', finished_at = now(), error = excluded.error`,
    [runId, stream.workspaceId, stream.connectionId, stream.id, stream.object, JSON.stringify(described)],
  ).catch(() => {});
  // A refused credential will not fix itself: flag the connection so a person re-authorises it.
  if (isConnectorError(error) && error.kind === 'permanent' && (error.status === 401 || error.status === 403)) {
    await pool.query(`update connections set status = 'needs_reauth', status_reason = $2, updated_at = now() where id = $1`, [stream.connectionId, scrub(error.message)]).catch(() => {});
  }
}
