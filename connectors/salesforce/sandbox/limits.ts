/**
 * The org's daily API allocation: every data call counts, every answer says where the org
 * stands in `Sforce-Limit-Info: api-usage=N/M`, and past the limit Salesforce answers 403
 * REQUEST_LIMIT_EXCEEDED ("TotalRequests Limit exceeded."). Salesforce counts over a rolling
 * 24 hours; a fixed 24-hour window opened by the first call refuses the same call in a burst.
 * `GET /limits` reports the same numbers as `DailyApiRequests`.
 */
import { RateLimiter, type Clock, type SandboxRequest } from '../../../src/sandbox/index.js';
import { limitExceededBody } from './errors.js';
import type { SfServer } from './principal.js';

/** A Developer Edition org's allocation. @default 15_000 */
export const DEVELOPER_EDITION_DAILY = 15_000;

const counted = (req: SandboxRequest) => /^\/services\/data\/v\d+\.\d+\//.test(req.path);

export function dailyLimiter(clock: Clock, limit = DEVELOPER_EDITION_DAILY): RateLimiter {
  return new RateLimiter({
    limit, windowMs: 24 * 60 * 60_000, window: 'fixed', clock, match: counted,
    headers: (state) => ({ 'sforce-limit-info': `api-usage=${state.used}/${state.limit}` }),
    onLimited: () => ({ status: 403, body: limitExceededBody() }),
  });
}

export function registerLimitsRoute(server: SfServer, limiter: RateLimiter): void {
  server.route('GET', '/services/data/:version/limits', () => {
    const max = limiter.options.limit;
    // This call itself was counted already; allowedCount is the org's usage in the window.
    const remaining = Math.max(0, max - limiter.allowedCount);
    return { status: 200, body: { DailyApiRequests: { Max: max, Remaining: remaining }, ConcurrentAsyncGetReportInstances: { Max: 200, Remaining: 200 } } };
  });
}
