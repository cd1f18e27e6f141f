/**
 * Slack's rate limits, per app per workspace per method (docs.slack.dev/apis/web-api/rate-limits):
 * chat.postMessage about one message a second per channel with short bursts (modelled as a
 * sliding window of `burst` posts per `burst` seconds), Tier 3 (50 a minute) for chat.update,
 * chat.delete, conversations.history and conversations.replies, Tier 4 (100) for auth.test.
 * A refusal is a 429 with Retry-After and `{ ok: false, error: "ratelimited" }`.
 */
import { RateLimiter, type Clock, type SandboxRequest } from '../../../src/sandbox/index.js';
import { ratelimited } from './answers.js';
import { argsOf, text } from './args.js';
import type { SlackPrincipal } from './auth.js';

export interface SlackLimitOptions {
  /** Posts per channel allowed in `postBurst` seconds. @default 5 */
  postBurst?: number;
  /** @default 50 */
  tier3PerMinute?: number;
  /** @default 100 */
  tier4PerMinute?: number;
}

const TIER3 = ['chat.update', 'chat.delete', 'conversations.history', 'conversations.replies'];

const methodOf = (req: SandboxRequest) => req.path.replace(/^\/api\//, '');
const tokenOf = (req: SandboxRequest) => (req.auth as SlackPrincipal | undefined)?.token ?? 'anonymous';
const onLimited = (state: { retryAfterMs: number }) => ratelimited(Math.ceil(state.retryAfterMs / 1000));

export function slackLimiters(clock: Clock, options: SlackLimitOptions = {}): RateLimiter[] {
  const burst = options.postBurst ?? 5;
  return [
    new RateLimiter({
      limit: burst, windowMs: burst * 1000, window: 'sliding', clock, onLimited,
      match: (req) => methodOf(req) === 'chat.postMessage',
      key: (req) => `${tokenOf(req)}:${text(argsOf(req), 'channel') ?? ''}`,
    }),
    new RateLimiter({
      limit: options.tier3PerMinute ?? 50, windowMs: 60_000, clock, onLimited,
      match: (req) => TIER3.includes(methodOf(req)),
      key: (req) => `${tokenOf(req)}:${methodOf(req)}`,
    }),
    new RateLimiter({
      limit: options.tier4PerMinute ?? 100, windowMs: 60_000, clock, onLimited,
      match: (req) => methodOf(req) === 'auth.test',
      key: (req) => `${tokenOf(req)}:auth.test`,
    }),
  ];
}
