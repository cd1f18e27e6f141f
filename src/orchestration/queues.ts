/**
 * pg-boss on the platform's own PostgreSQL: the queues, their retry policy, and the one-minute
 * tick that turns stream schedules (cron per stream) into sync jobs.
 */
import PgBoss from 'pg-boss';
import type { Logger } from '../core/index.js';

export const QUEUES = { sync: 'forge-sync', load: 'forge-load', tick: 'forge-schedule-tick', automation: 'forge-automation' } as const;

export interface SyncJobData {
  streamId: string;
  mode?: 'full' | 'incremental';
  runId?: string;
}

export interface LoadJobData {
  loadId: string;
}

export async function startBoss(databaseUrl: string, logger: Logger, options: { schedule?: boolean } = {}): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 5, application_name: 'forgeworks-boss' });
  boss.on('error', (error) => logger.error({ err: { message: error.message } }, 'queue error'));
  await boss.start();
  // 'stately': at most one queued and one active job per singleton key (per stream, per load).
  await boss.createQueue(QUEUES.sync, { name: QUEUES.sync, policy: 'stately', retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInMinutes: 120 });
  await boss.createQueue(QUEUES.load, { name: QUEUES.load, policy: 'stately', retryLimit: 0, expireInMinutes: 240 });
  await boss.createQueue(QUEUES.tick, { name: QUEUES.tick, policy: 'singleton' });
  await boss.createQueue(QUEUES.automation, { name: QUEUES.automation, retryLimit: 5, retryDelay: 5, retryBackoff: true });
  if (options.schedule !== false) await boss.schedule(QUEUES.tick, '* * * * *');
  return boss;
}

export async function enqueueSync(boss: PgBoss, data: SyncJobData): Promise<string | null> {
  return boss.send(QUEUES.sync, data, { singletonKey: data.streamId });
}

export async function enqueueLoad(boss: PgBoss, data: LoadJobData, connectionObjectKey: string): Promise<string | null> {
  // One load per connection object at a time.
  return boss.send(QUEUES.load, data, { singletonKey: connectionObjectKey });
}
