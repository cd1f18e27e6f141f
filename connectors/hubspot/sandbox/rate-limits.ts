/**
 * HubSpot's limits for a private app on a Free/Starter account (developers.hubspot.com/docs/
 * developer-tooling/platform/usage-guidelines): 100 requests per 10 seconds and 250,000 a day,
 * reported on every answer in `X-HubSpot-RateLimit-*` headers; the search endpoints are exempt
 * from the ten-secondly limit and have their own of 5 requests per second.
 *
 * HubSpot's window is rolling; a fixed window opened by a token's first request (the toolkit's
 * `fixed` mode) refuses the same 101st call in a burst, which is what clients must handle.
 */
import { RateLimiter, type Clock, type RateLimitState, type SandboxRequest } from '../../../src/sandbox/index.js';
import { secondlyBody, tenSecondlyBody } from './errors.js';
import type { Principal } from './tokens.js';

export interface RateLimitOptions {
  /** @default 100 */
  limit?: number;
  /** @default 10_000 */
  windowMs?: number;
  /** @default 250_000 */
  daily?: number;
  /** Search requests per second; 0 turns the search limit off. @default 5 */
  searchPerSecond?: number;
}

const isSearch = (req: SandboxRequest) => req.method === 'POST' && /^\/crm\/v3\/objects\/[^/]+\/search$/.test(req.path);

// Limits count per app (a private app, or an OAuth app across its rotating access tokens); the
// kind rides in the key because OAuth answers carry no daily headers.
function keyOf(req: SandboxRequest): string {
  const principal = req.auth as Principal | undefined;
  return principal ? `${principal.kind}:${principal.app}` : 'anonymous';
}

export function hubspotRateLimiters(clock: Clock, options: RateLimitOptions = {}): RateLimiter[] {
  const daily = options.daily ?? 250_000;
  const usedToday = new Map<string, { day: number; used: number }>();
  const countDaily = (state: RateLimitState): number => {
    const day = Math.floor(clock.now() / 86_400_000);
    const entry = usedToday.get(state.key);
    const current = entry && entry.day === day ? entry : { day, used: 0 };
    if (!state.limited) current.used += 1;
    usedToday.set(state.key, current);
    return Math.max(0, daily - current.used);
  };
  const headers = (state: RateLimitState): Record<string, string> => {
    const out: Record<string, string> = {
      'x-hubspot-ratelimit-max': String(state.limit),
      'x-hubspot-ratelimit-remaining': String(state.remaining),
      'x-hubspot-ratelimit-interval-milliseconds': String(state.windowMs),
    };
    const remainingToday = countDaily(state);
    if (state.key.startsWith('private_app:')) {
      out['x-hubspot-ratelimit-daily'] = String(daily);
      out['x-hubspot-ratelimit-daily-remaining'] = String(remainingToday);
    }
    return out;
  };
  const tenSecondly = new RateLimiter({
    limit: options.limit ?? 100, windowMs: options.windowMs ?? 10_000, window: 'fixed', clock,
    key: keyOf, match: (req) => !isSearch(req), headers,
    // HubSpot sends no Retry-After here; the interval header says how long the window is.
    onLimited: () => ({ status: 429, body: tenSecondlyBody() }),
  });
  const limiters = [tenSecondly];
  const perSecond = options.searchPerSecond ?? 5;
  if (perSecond > 0) {
    limiters.push(new RateLimiter({
      limit: perSecond, windowMs: 1000, window: 'fixed', clock, key: keyOf, match: isSearch,
      onLimited: () => ({ status: 429, body: secondlyBody() }),
    }));
  }
  return limiters;
}
