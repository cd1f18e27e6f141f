/**
 * Jira's limits for API token traffic (developer.atlassian.com/cloud/jira/platform/
 * rate-limiting): a burst limit per tenant, endpoint and HTTP method (`RateLimit-Reason:
 * jira-burst-based`), and a per-issue write limit (`jira-per-issue-on-write`). Answers that pass
 * carry `X-RateLimit-Limit`, `X-RateLimit-Remaining` and, under 20% left, `X-RateLimit-NearLimit`;
 * a 429 adds `Retry-After` (seconds) and `X-RateLimit-Reset` (`yyyy-MM-ddTHH:mmZ`). Atlassian
 * publishes no numbers for these; the defaults below are this sandbox's.
 */
import { RateLimiter, type Clock, type RateLimitState, type SandboxRequest } from '../../../src/sandbox/index.js';
import { rateLimited } from './errors.js';

export interface RateLimitOptions {
  /** Requests per endpoint and method per window. @default 100 */
  burst?: number;
  /** @default 1000 */
  burstWindowMs?: number;
  /** Writes to one issue per window. @default 20 */
  perIssueWrites?: number;
  /** @default 10_000 */
  perIssueWindowMs?: number;
}

/** `/rest/api/3/issue/SBX-1/transitions` → `/rest/api/3/issue/{id}/transitions`. */
const endpointOf = (req: SandboxRequest) => `${req.method} ${req.path.replace(/\/issue\/[^/]+/, '/issue/{id}')}`;
const issueOf = (req: SandboxRequest) => /^\/rest\/api\/3\/issue\/([^/]+)/.exec(req.path)?.[1];
const isIssueWrite = (req: SandboxRequest) => req.method !== 'GET' && issueOf(req) !== undefined && issueOf(req) !== 'bulk';

function headers(state: RateLimitState): Record<string, string> {
  const out: Record<string, string> = { 'x-ratelimit-limit': String(state.limit), 'x-ratelimit-remaining': String(state.remaining) };
  if (state.remaining < state.limit * 0.2) out['x-ratelimit-nearlimit'] = 'true';
  return out;
}

export function jiraRateLimiters(clock: Clock, options: RateLimitOptions = {}): RateLimiter[] {
  const refuse = (reason: string) => (state: RateLimitState) => rateLimited(Math.max(1, Math.ceil(state.retryAfterMs / 1000)), state.limit, reason, clock.now());
  return [
    new RateLimiter({ limit: options.burst ?? 100, windowMs: options.burstWindowMs ?? 1000, clock, key: endpointOf, headers, onLimited: refuse('jira-burst-based') }),
    new RateLimiter({
      limit: options.perIssueWrites ?? 20, windowMs: options.perIssueWindowMs ?? 10_000, clock, key: (req) => issueOf(req)!.toUpperCase(),
      match: isIssueWrite, headers, onLimited: refuse('jira-per-issue-on-write'),
    }),
  ];
}
