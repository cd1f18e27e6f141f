/**
 * Zendesk's rate limits (developer.zendesk.com/api-reference/introduction/rate-limits): an
 * account-wide budget per minute, reported on every answer as `X-Rate-Limit`,
 * `X-Rate-Limit-Remaining`, `ratelimit-limit`, `ratelimit-remaining` and `ratelimit-reset`
 * (seconds), and 10 requests a minute to the incremental export endpoints. A refusal is a 429
 * with `Retry-After` in seconds. Listing deleted tickets has its own 10 a minute (Zendesk's API
 * description of `GET /api/v2/deleted_tickets`).
 *
 * The endpoint limiters run first, so a refused call does not also spend the account budget.
 * Both are fixed one-minute windows opened by the first request, which refuses the same 11th
 * export in a burst as Zendesk's per-minute window does.
 */
import { RateLimiter, type Clock, type RateLimitState, type SandboxRequest } from '../../../src/sandbox/index.js';
import { accountLimited, exportLimited } from './errors.js';

export interface LimitOptions {
  /** Requests a minute to `/api/v2/incremental/*`. Tests raise it so suites take seconds. @default 10 */
  exportsPerMinute?: number;
  /** Requests a minute to `/api/v2/deleted_tickets` (its own documented limit). @default 10 */
  deletedTicketsPerMinute?: number;
  /** Account-wide requests a minute. @default 700 (the figure Zendesk's docs show) */
  perMinute?: number;
  /** @default 60_000 */
  windowMs?: number;
}

export const EXPORTS_PER_MINUTE = 10;
const isExport = (req: SandboxRequest) => req.path.startsWith('/api/v2/incremental/');
const isDeletedTickets = (req: SandboxRequest) => /^\/api\/v2\/deleted_tickets(\.json)?$/.test(req.path);
const retryAfter = (state: RateLimitState) => Math.max(1, Math.ceil(state.retryAfterMs / 1000));

function accountHeaders(state: RateLimitState): Record<string, string> {
  return {
    'x-rate-limit': String(state.limit), 'x-rate-limit-remaining': String(state.remaining),
    'ratelimit-limit': String(state.limit), 'ratelimit-remaining': String(state.remaining), 'ratelimit-reset': String(retryAfter(state)),
  };
}

export function zendeskLimiters(clock: Clock, options: LimitOptions = {}): RateLimiter[] {
  const windowMs = options.windowMs ?? 60_000;
  return [
    new RateLimiter({
      limit: options.exportsPerMinute ?? EXPORTS_PER_MINUTE, windowMs, clock, match: isExport,
      onLimited: (state) => exportLimited(retryAfter(state)),
    }),
    new RateLimiter({
      limit: options.deletedTicketsPerMinute ?? 10, windowMs, clock, match: isDeletedTickets,
      onLimited: (state) => accountLimited(retryAfter(state)),
    }),
    new RateLimiter({
      limit: options.perMinute ?? 700, windowMs, clock, headers: accountHeaders,
      onLimited: (state) => ({ ...accountLimited(retryAfter(state)), headers: { ...accountLimited(retryAfter(state)).headers, ...accountHeaders(state) } }),
    }),
  ];
}
