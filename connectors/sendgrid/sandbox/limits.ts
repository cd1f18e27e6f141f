/**
 * SendGrid reports its limits on every answer as `X-RateLimit-Limit`, `X-RateLimit-Remaining` and
 * `X-RateLimit-Reset` (epoch seconds), and refuses past them with 429 `too many requests`
 * (twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/rate-limits). It
 * publishes no figure for v3 endpoints; the default here, 600 a minute per key, is the one it
 * announced for v2 endpoints and an assumption.
 */
import { RateLimiter, type Clock, type RateLimitState } from '../../../src/sandbox/index.js';
import type { Principal } from './auth.js';
import { tooManyRequests } from './errors.js';

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return { 'x-ratelimit-limit': String(state.limit), 'x-ratelimit-remaining': String(state.remaining), 'x-ratelimit-reset': String(Math.ceil(state.resetAt / 1000)) };
}

export function sendgridLimiters(clock: Clock, perMinute: number | false): RateLimiter[] {
  if (perMinute === false) return [];
  return [new RateLimiter({
    limit: perMinute, windowMs: 60_000, clock, key: (req) => (req.auth as Principal).key,
    headers: rateLimitHeaders, onLimited: (state) => tooManyRequests(rateLimitHeaders(state)),
  })];
}
