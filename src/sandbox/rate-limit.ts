import { systemClock, type Clock } from './clock.js';
import type { SandboxRequest, SandboxResponse } from './types.js';

/** Where one key stands after a request was counted (or refused). */
export interface RateLimitState {
  key: string;
  limit: number;
  /** Requests counted in the current window, this one included when allowed. */
  used: number;
  remaining: number;
  windowMs: number;
  /** Epoch ms when a slot frees: the window's end (fixed) or the oldest request's expiry (sliding). */
  resetAt: number;
  /** `resetAt - now`, never negative. */
  retryAfterMs: number;
  limited: boolean;
}

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  /**
   * `fixed`: a window opens at a key's first request and lasts `windowMs` (HubSpot's "100 per
   * 10 seconds"); `sliding`: at most `limit` requests in any `windowMs` span (a sliding log).
   * @default 'fixed'
   */
  window?: 'fixed' | 'sliding';
  /** Which bucket a request counts against (per token, per account...). @default one global bucket */
  key?: (req: SandboxRequest) => string;
  /** Which requests count at all (a separate search-endpoint limit...). @default every request */
  match?: (req: SandboxRequest) => boolean;
  /** The vendor's rate-limit headers, added to every answer that passed this limiter. @default none */
  headers?: (state: RateLimitState) => Record<string, string>;
  /** The vendor's refusal. @default 429, `Retry-After` in whole seconds, `{ message }` */
  onLimited?: (state: RateLimitState) => SandboxResponse;
  /** @default systemClock */
  clock?: Clock;
}

function defaultLimited(state: RateLimitState): SandboxResponse {
  return {
    status: 429,
    headers: { 'retry-after': String(Math.ceil(state.retryAfterMs / 1000)) },
    body: { message: 'Rate limit exceeded' },
  };
}

/**
 * Counts requests per key and refuses those over the limit. Refused requests do not count, so a
 * client hammering through a 429 storm recovers as soon as the window turns.
 */
export class RateLimiter {
  readonly options: Required<Omit<RateLimiterOptions, 'match'>> & Pick<RateLimiterOptions, 'match'>;
  /** Requests allowed and refused since construction or `reset()`, for assertions. */
  allowedCount = 0;
  limitedCount = 0;
  private readonly fixed = new Map<string, { start: number; count: number }>();
  private readonly sliding = new Map<string, number[]>();

  constructor(options: RateLimiterOptions) {
    if (!(options.limit > 0) || !(options.windowMs > 0)) throw new RangeError('limit and windowMs must be positive');
    this.options = {
      ...options,
      window: options.window ?? 'fixed',
      key: options.key ?? (() => 'global'),
      headers: options.headers ?? (() => ({})),
      onLimited: options.onLimited ?? defaultLimited,
      clock: options.clock ?? systemClock,
    };
  }

  applies(req: SandboxRequest): boolean {
    return this.options.match ? this.options.match(req) : true;
  }

  /** Counts one request and tells whether it may proceed. */
  take(req: SandboxRequest): RateLimitState {
    const key = this.options.key(req);
    const state = this.options.window === 'fixed' ? this.takeFixed(key) : this.takeSliding(key);
    if (state.limited) this.limitedCount += 1;
    else this.allowedCount += 1;
    return state;
  }

  reset(): void {
    this.fixed.clear();
    this.sliding.clear();
    this.allowedCount = 0;
    this.limitedCount = 0;
  }

  private state(key: string, used: number, resetAt: number, limited: boolean): RateLimitState {
    const { limit, windowMs, clock } = this.options;
    const retryAfterMs = Math.max(0, resetAt - clock.now());
    return { key, limit, used, remaining: Math.max(0, limit - used), windowMs, resetAt, retryAfterMs, limited };
  }

  private takeFixed(key: string): RateLimitState {
    const { limit, windowMs, clock } = this.options;
    const now = clock.now();
    let bucket = this.fixed.get(key);
    if (!bucket || now >= bucket.start + windowMs) {
      bucket = { start: now, count: 0 };
      this.fixed.set(key, bucket);
    }
    const limited = bucket.count >= limit;
    if (!limited) bucket.count += 1;
    return this.state(key, bucket.count, bucket.start + windowMs, limited);
  }

  private takeSliding(key: string): RateLimitState {
    const { limit, windowMs, clock } = this.options;
    const now = clock.now();
    const log = (this.sliding.get(key) ?? []).filter((at) => at > now - windowMs);
    this.sliding.set(key, log);
    const limited = log.length >= limit;
    if (!limited) log.push(now);
    return this.state(key, log.length, (log[0] ?? now) + windowMs, limited);
  }
}
