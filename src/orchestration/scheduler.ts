/**
 * Turns each stream's cron into jobs: every tick, streams that are due (enabled, connection
 * active) get an incremental sync enqueued and their next run computed from their cron.
 */
import cronParser from 'cron-parser';
import type PgBoss from 'pg-boss';
import type pg from 'pg';
import { enqueueSync } from './queues.js';

export function nextRun(cron: string, after: Date = new Date()): Date {
  return cronParser.parseExpression(cron, { currentDate: after, utc: true }).next().toDate();
}

export async function enqueueDueStreams(pool: pg.Pool, boss: PgBoss, now: Date = new Date()): Promise<number> {
  const { rows } = await pool.query<{ id: string; cron: string; last_full_sync_at: Date | null }>(
    `select s.id, s.cron, s.last_full_sync_at from streams s join connections c on c.id = s.connection_id
     where s.enabled and c.status = 'active' and (s.next_run_at is null or s.next_run_at <= $1)`, [now]);
  for (const stream of rows) {
    await enqueueSync(boss, { streamId: stream.id, mode: stream.last_full_sync_at ? 'incremental' : 'full' });
    await pool.query('update streams set next_run_at = $2 where id = $1', [stream.id, nextRun(stream.cron, now)]);
  }
  return rows.length;
}
