/**
 * Time as the sandbox sees it, in epoch milliseconds. Injected everywhere time matters
 * (record timestamps, rate-limit windows, the request log) so a test can pin two records to the
 * same millisecond or cross a ten-second window without sleeping.
 */
export interface Clock {
  now(): number;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to. */
export class ManualClock implements Clock {
  private current: number;

  /** @param start epoch ms; @default 2024-01-01T00:00:00Z, a fixed instant so fixtures stay stable */
  constructor(start: number = Date.UTC(2024, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** Moves time forward (a negative step is refused: sandboxes assume time never runs back). */
  advance(ms: number): number {
    if (ms < 0) throw new RangeError('ManualClock cannot go back in time');
    this.current += ms;
    return this.current;
  }

  set(epochMs: number): void {
    this.current = epochMs;
  }
}
