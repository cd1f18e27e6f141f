/**
 * A small seeded PRNG (mulberry32). Fault rolls and generated ids draw from it so a failing run
 * replays exactly from its seed; Math.random would make flaky tests unreproducible.
 */
export type Rng = () => number;

/** Returns a function yielding floats in [0, 1), the same sequence for the same seed. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
