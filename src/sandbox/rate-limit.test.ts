import { afterEach, describe, expect, it } from 'vitest';
import { bearerToken } from './auth.js';
import { ManualClock } from './clock.js';
import { RateLimiter } from './rate-limit.js';
import { SandboxServer } from './server.js';
import type { SandboxRequest } from './types.js';

let server: SandboxServer | undefined;
afterEach(() => server?.stop());

async function hubspotLike(clock: ManualClock): Promise<{ base: string; limiter: RateLimiter }> {
  const limiter = new RateLimiter({
    limit: 3,
    windowMs: 10_000,
    clock,
    key: (req) => bearerToken(req) ?? 'anonymous',
    headers: (s) => ({
      'X-HubSpot-RateLimit-Max': String(s.limit),
      'X-HubSpot-RateLimit-Remaining': String(s.remaining),
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(s.windowMs),
    }),
    onLimited: (s) => ({
      status: 429,
      headers: { 'Retry-After': String(Math.ceil(s.retryAfterMs / 1000)) },
      body: { status: 'error', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' },
    }),
  });
  server = new SandboxServer({ name: 'hubspot-like', rateLimit: limiter, clock });
  server.route('GET', '/x', () => ({ status: 200, body: {} }));
  return { base: await server.start(), limiter };
}

const get = (url: string, token = 'a') => fetch(url, { headers: { authorization: `Bearer ${token}` } });

describe('RateLimiter over HTTP', () => {
  it('adds the vendor headers to every answer, 404s included', async () => {
    const { base } = await hubspotLike(new ManualClock());
    const first = await get(`${base}/x`);
    expect(first.headers.get('x-hubspot-ratelimit-max')).toBe('3');
    expect(first.headers.get('x-hubspot-ratelimit-remaining')).toBe('2');
    const missing = await get(`${base}/missing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-hubspot-ratelimit-remaining')).toBe('1');
  });

  it('answers 429 with Retry-After after the limit and recovers when the fixed window turns', async () => {
    const clock = new ManualClock();
    const { base, limiter } = await hubspotLike(clock);
    for (let i = 0; i < 3; i++) expect((await get(`${base}/x`)).status).toBe(200);
    clock.advance(4_000);
    const limited = await get(`${base}/x`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('6');
    expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    expect(await limited.json()).toMatchObject({ errorType: 'RATE_LIMIT' });
    expect(limiter.limitedCount).toBe(1);
    clock.advance(5_999);
    expect((await get(`${base}/x`)).status).toBe(429);
    clock.advance(1);
    const recovered = await get(`${base}/x`);
    expect(recovered.status).toBe(200);
    expect(recovered.headers.get('x-hubspot-ratelimit-remaining')).toBe('2');
    expect(limiter.allowedCount).toBe(4);
  });

  it('keeps one bucket per key', async () => {
    const { base } = await hubspotLike(new ManualClock());
    for (let i = 0; i < 3; i++) await get(`${base}/x`, 'a');
    expect((await get(`${base}/x`, 'a')).status).toBe(429);
    expect((await get(`${base}/x`, 'b')).status).toBe(200);
  });

  it('uses a default 429 with Retry-After in whole seconds', async () => {
    const clock = new ManualClock();
    server = new SandboxServer({ name: 'plain', rateLimit: new RateLimiter({ limit: 1, windowMs: 1_500, clock }) });
    server.route('GET', '/x', () => ({ status: 200 }));
    const base = await server.start();
    await fetch(`${base}/x`);
    const res = await fetch(`${base}/x`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(await res.json()).toEqual({ message: 'Rate limit exceeded' });
  });
});

describe('RateLimiter windows', () => {
  const req = { method: 'GET', path: '/x', headers: {} } as unknown as SandboxRequest;

  it('fixed: the window is aligned to the first request, not to the clock', () => {
    const clock = new ManualClock(1_000_500);
    const limiter = new RateLimiter({ limit: 2, windowMs: 1_000, clock });
    expect(limiter.take(req)).toMatchObject({ limited: false, remaining: 1, resetAt: 1_001_500 });
    clock.advance(600);
    expect(limiter.take(req).limited).toBe(false);
    expect(limiter.take(req)).toMatchObject({ limited: true, retryAfterMs: 400 });
    clock.advance(400);
    expect(limiter.take(req)).toMatchObject({ limited: false, remaining: 1, resetAt: 1_002_500 });
  });

  it('sliding: a slot frees exactly one window after the request that took it', () => {
    const clock = new ManualClock(0);
    const limiter = new RateLimiter({ limit: 2, windowMs: 1_000, window: 'sliding', clock });
    limiter.take(req);
    clock.advance(600);
    limiter.take(req);
    clock.advance(300);
    expect(limiter.take(req)).toMatchObject({ limited: true, retryAfterMs: 100 });
    clock.advance(100);
    expect(limiter.take(req)).toMatchObject({ limited: false, remaining: 0, resetAt: 1_600 });
    expect(limiter.take(req).limited).toBe(true);
  });

  it('counts only matching requests and resets its counters', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 1_000, match: (r) => r.path.startsWith('/search') });
    expect(limiter.applies(req)).toBe(false);
    limiter.take(req);
    limiter.take(req);
    expect([limiter.allowedCount, limiter.limitedCount]).toEqual([1, 1]);
    limiter.reset();
    expect([limiter.allowedCount, limiter.limitedCount]).toEqual([0, 0]);
    expect(limiter.take(req).limited).toBe(false);
  });

  it('refuses a non-positive limit', () => {
    expect(() => new RateLimiter({ limit: 0, windowMs: 1 })).toThrow(RangeError);
  });
});
