/**
 * Runs sync jobs. Transient failures are thrown so pg-boss retries them with backoff; permanent
 * ones complete the job (the run is recorded as failed, the connection flagged) so a refused
 * credential is never hammered; a stream already being synced is skipped.
 */
import type PgBoss from 'pg-boss';
import type pg from 'pg';
import { isConnectorError, type Logger } from '../core/index.js';
import { runSync, StreamBusyError, type ContextFactory } from '../stream/index.js';
import { QUEUES, type SyncJobData } from './queues.js';

export async function handleSyncJob(pool: pg.Pool, contexts: ContextFactory, logger: Logger, job: PgBoss.Job<SyncJobData>): Promise<unknown> {
  try {
    const result = await runSync(pool, contexts, { streamId: job.data.streamId, mode: job.data.mode, runId: job.data.runId });
    return result;
  } catch (error) {
    if (error instanceof StreamBusyError) return { skipped: 'busy' };
    if (isConnectorError(error) && error.kind !== 'transient') {
      logger.warn({ stream: job.data.streamId, kind: error.kind }, 'sync failed permanently; not retried');
      return { failed: error.kind };
    }
    throw error;
  }
}

export async function startSyncWorkers(boss: PgBoss, pool: pg.Pool, contexts: ContextFactory, logger: Logger, concurrency = 2): Promise<void> {
  for (let i = 0; i < concurrency; i++) {
    await boss.work<SyncJobData>(QUEUES.sync, { pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs) await handleSyncJob(pool, contexts, logger, job);
    });
  }
}
