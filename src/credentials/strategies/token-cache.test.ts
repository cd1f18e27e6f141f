import { describe, expect, it } from 'vitest';
import { manualClock } from './fixtures/token-endpoint.js';
import { SingleFlight } from './token-cache.js';

describe('SingleFlight', () => {
  it('shares one load between concurrent callers', async () => {
    let loads = 0;
    const cache = new SingleFlight(async () => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { value: `v${loads}`, expiresAt: undefined };
    }, { skewMs: 0, now: Date.now });
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual(['v1', 'v1', 'v1']);
    expect(loads).toBe(1);
  });

  it('reloads once the skew window before expiry is reached', async () => {
    const clock = manualClock();
    let loads = 0;
    const cache = new SingleFlight(async () => ({ value: ++loads, expiresAt: clock.now() + 3_600_000 }), { skewMs: 60_000, now: clock.now });
    expect(await cache.get()).toBe(1);
    clock.advance(3_600_000 - 60_001);
    expect(await cache.get()).toBe(1);
    clock.advance(1);
    expect(await cache.get()).toBe(2);
  });

  it('does not reload on every call when the lifetime is shorter than the skew', async () => {
    const clock = manualClock();
    let loads = 0;
    const cache = new SingleFlight(async () => ({ value: ++loads, expiresAt: clock.now() + 30_000 }), { skewMs: 60_000, now: clock.now });
    await cache.get();
    clock.advance(10_000);
    expect(await cache.get()).toBe(1);
  });

  it('does not cache a failed load, and reloads after invalidate', async () => {
    let attempt = 0;
    const cache = new SingleFlight(async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('boom');
      return { value: attempt, expiresAt: undefined };
    }, { skewMs: 0, now: Date.now });
    await expect(cache.get()).rejects.toThrow('boom');
    expect(await cache.get()).toBe(2);
    cache.invalidate();
    expect(cache.peek()).toBeUndefined();
    expect(await cache.get()).toBe(3);
  });
});
