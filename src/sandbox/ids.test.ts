import { describe, expect, it } from 'vitest';
import { compareIds, prefixedIds, sequentialIds, uuidIds } from './ids.js';

describe('id generators', () => {
  it('sequentialIds counts from start with optional prefix and padding', () => {
    const next = sequentialIds({ start: 9, prefix: 'T', pad: 3 });
    expect([next(), next()]).toEqual(['T009', 'T010']);
  });

  it('prefixedIds is reproducible for a seed and unique in practice', () => {
    const a = prefixedIds('cus_', { seed: 5 });
    const b = prefixedIds('cus_', { seed: 5 });
    const ids = Array.from({ length: 1000 }, () => a());
    expect(ids[0]).toBe(b());
    expect(new Set(ids).size).toBe(1000);
  });

  it('uuidIds yields version-4-shaped UUIDs', () => {
    const next = uuidIds();
    expect(next()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidIds()()).toBe(uuidIds()());
  });

  it('compareIds orders numeric ids by value, before the rest, transitively', () => {
    expect(['10', 'b', '9', '1a', '2', 'a'].sort(compareIds)).toEqual(['2', '9', '10', '1a', 'a', 'b']);
  });
});
