import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { connectDatabase } from '../db/connect.js';
import { MemoryRateLimiter, PostgresRateLimiter } from './rate-limiter.js';

/** The largest number of grants inside any window of `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('rate limiters', () => {
  let database: TestDatabase;
  beforeAll(async () => { database = await createTestDatabase(); });
  afterAll(async () => database.close());

  it('keeps one process under the limit in every window', async () => {
    const limiter = new MemoryRateLimiter();
    const times: number[] = [];
    const started = Date.now();
    await Promise.all(Array.from({ length: 12 }, async () => { await limiter.acquire('k', { requests: 5, windowMs: 300 }); times.push(Date.now()); }));
    // Robust on a loaded machine: a late observation can only move a grant later, never earlier,
    // so at most 5 may be seen inside the first window, and 12 grants need two windows more.
    expect(times.filter((t) => t - started < 300).length).toBeLessThanOrEqual(5);
    expect(Math.max(...times) - started).toBeGreaterThanOrEqual(600);
  });

  it('keeps two workers on one PostgreSQL together under the limit', async () => {
    // Two pools stand for two worker processes: they share nothing but the database.
    const other = connectDatabase(database.url);
    const a = new PostgresRateLimiter(database.pool);
    const b = new PostgresRateLimiter(other.pool);
    const times: number[] = [];
    const limit = { requests: 4, windowMs: 400 };
    await Promise.all(Array.from({ length: 16 }, async (_, i) => { await (i % 2 ? a : b).acquire('vendor:acct', limit); times.push(Date.now()); }));
    await other.close();
    expect(times).toHaveLength(16);
    // Judged on the grant times the limiter recorded (client-side clocks on a loaded machine drift).
    const grants = await database.pool.query<{ window_start: string; count: number }>("select window_start, count from rate_limit_windows where key = 'vendor:acct'");
    const granted = grants.rows.flatMap((r) => Array.from({ length: r.count }, () => Number(r.window_start)));
    expect(granted).toHaveLength(16);
    expect(busiestWindow(granted, 400)).toBeLessThanOrEqual(4);
    // Not far below the ceiling either: 16 grants at 4 per 400 ms need about 1.2 s, not much more.
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(3000);
  });
});
