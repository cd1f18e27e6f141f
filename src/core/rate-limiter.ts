/**
 * Client-side rate limiting from the limits a connector declares (N requests per window).
 * `acquire` resolves when a request may go out. The PostgreSQL limiter is shared by every
 * worker process on the same database, so together they stay under the vendor's limit.
 */
import type pg from 'pg';

export interface RateLimit {
  /** Requests allowed in any window of `windowMs`. */
  requests: number;
  windowMs: number;
}

export interface RateLimiter {
  acquire(key: string, limit: RateLimit, signal?: AbortSignal): Promise<void>;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(timer); reject(signal?.reason); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
export { sleep };

/** A sliding log in memory: exact for one process. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly logs = new Map<string, number[]>();

  async acquire(key: string, limit: RateLimit, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = Date.now();
      const log = (this.logs.get(key) ?? []).filter((t) => t > now - limit.windowMs);
      if (log.length < limit.requests) {
        log.push(now);
        this.logs.set(key, log);
        return;
      }
      this.logs.set(key, log);
      await sleep(log[0]! + limit.windowMs - now + 1, signal);
    }
  }
}

/**
 * A sliding log in PostgreSQL. Each grant is one short transaction under a transaction-scoped
 * advisory lock on the key: no pooled connection is held while waiting or while the vendor answers.
 * `marginMs` widens the window a little, because the vendor counts arrivals, not departures.
 */
export class PostgresRateLimiter implements RateLimiter {
  constructor(private readonly pool: pg.Pool, private readonly marginMs = 150) {}

  async acquire(key: string, limit: RateLimit, signal?: AbortSignal): Promise<void> {
    const windowMs = limit.windowMs + this.marginMs;
    for (;;) {
      const waitMs = await this.tryGrant(key, limit.requests, windowMs);
      if (waitMs === 0) return;
      await sleep(waitMs, signal);
    }
  }

  /** 0 when granted; otherwise how long until the oldest request in the window leaves it. */
  private async tryGrant(key: string, requests: number, windowMs: number): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock(hashtext($1))', [key]);
      const now = Date.now();
      const since = now - windowMs;
      const { rows } = await client.query<{ n: string; oldest: string | null }>(
        'select coalesce(sum(count), 0) as n, min(window_start) as oldest from rate_limit_windows where key = $1 and window_start > $2',
        [key, since],
      );
      const used = Number(rows[0]?.n ?? 0);
      if (used < requests) {
        // window_start is the grant's time; count disambiguates grants in the same millisecond.
        await client.query(
          `insert into rate_limit_windows (key, window_start, count) values ($1, $2, 1)
           on conflict (key, window_start) do update set count = rate_limit_windows.count + 1`,
          [key, now],
        );
        // Now and then, forget grants long out of every window (a minute past it: audits can still see recent ones).
        if (Math.random() < 0.02) await client.query('delete from rate_limit_windows where key = $1 and window_start <= $2', [key, since - 60_000]);
        await client.query('commit');
        return 0;
      }
      await client.query('commit');
      return Math.max(1, Number(rows[0]?.oldest ?? now) + windowMs - now + 1);
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}
