/**
 * Service protection limits (learn.microsoft.com/power-apps/developer/data-platform/api-limits):
 * per user, 6,000 requests in any 300-second window; past it a 429 with `Retry-After` in seconds
 * and error 0x80072322. Each answer carries `x-ms-ratelimit-burst-remaining-xrm-requests`. A
 * `$batch` counts once. The execution-time (0x80072321) and concurrency (0x80072326) limits are
 * not modelled.
 */
import { RateLimiter, type Clock } from '../../../src/sandbox/index.js';
import { requestsLimited } from './errors.js';
import type { Principal } from './principal.js';

export interface LimitOptions {
  /** @default 6000 */
  requests?: number;
  /** @default 300_000 */
  windowMs?: number;
}

export function serviceProtection(clock: Clock, options: LimitOptions = {}): RateLimiter {
  const limit = options.requests ?? 6000;
  const windowMs = options.windowMs ?? 300_000;
  return new RateLimiter({
    limit, windowMs, window: 'sliding', clock,
    key: (req) => (req.auth as Principal | undefined)?.userId ?? 'anonymous',
    match: (req) => req.path.startsWith('/api/data/'),
    headers: (state) => ({ 'x-ms-ratelimit-burst-remaining-xrm-requests': String(state.remaining) }),
    onLimited: (state) => requestsLimited(Math.max(1, Math.ceil(state.retryAfterMs / 1000)), limit, Math.round(windowMs / 1000)),
  });
}
