import { seededRng } from './rng.js';

/** Produces the next record id; each vendor picks the shape its real ids have. */
export type IdGenerator = () => string;

/**
 * `1`, `2`, `3`... as strings (HubSpot, Zendesk), optionally prefixed and zero-padded.
 * @param options.start @default 1
 * @param options.prefix @default ''
 * @param options.pad minimum digit count, zero-filled @default 0
 */
export function sequentialIds(options: { start?: number; prefix?: string; pad?: number } = {}): IdGenerator {
  let next = options.start ?? 1;
  return () => `${options.prefix ?? ''}${String(next++).padStart(options.pad ?? 0, '0')}`;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Stripe-style `cus_NffrFeUfNV2Hib`: prefix plus random base62, drawn from a seeded RNG so a
 * fixture gets the same ids on every run.
 * @param options.length @default 14
 * @param options.seed @default 1
 */
export function prefixedIds(prefix: string, options: { length?: number; seed?: number } = {}): IdGenerator {
  const rng = seededRng(options.seed ?? 1);
  const length = options.length ?? 14;
  return () => {
    let id = prefix;
    for (let i = 0; i < length; i++) id += BASE62[Math.floor(rng() * 62)];
    return id;
  };
}

/** Version-4-shaped UUIDs from a seeded RNG (reproducible, unlike crypto.randomUUID). @default seed 1 */
export function uuidIds(options: { seed?: number } = {}): IdGenerator {
  const rng = seededRng(options.seed ?? 1);
  return () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
}

/**
 * A total order on ids: numeric ids by value (so `9` < `10`), before any non-numeric id, which
 * compare as plain strings. Mixing the two rules pairwise would not be transitive; this is.
 */
export function compareIds(a: string, b: string): number {
  const numA = /^\d+$/.test(a);
  const numB = /^\d+$/.test(b);
  if (numA !== numB) return numA ? -1 : 1;
  if (numA && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
