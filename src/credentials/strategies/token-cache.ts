import type { Clock } from './types.js';

export interface Expiring<T> {
  value: T;
  /** Epoch milliseconds; undefined = valid until `invalidate`. */
  expiresAt: number | undefined;
}

export interface SingleFlightOptions {
  /** Renew this long before expiry, so a token does not die mid-request. */
  skewMs: number;
  now: Clock;
}

/**
 * Caches one expiring value (token, session) and loads it at most once at a time: concurrent
 * callers during a load share its promise instead of each hitting the vendor, which would burn
 * rate limit and, with rotating credentials, invalidate each other.
 */
export class SingleFlight<T> {
  #current: { value: T; refreshAt: number } | undefined;
  #pending: Promise<T> | undefined;

  constructor(
    private readonly load: () => Promise<Expiring<T>>,
    private readonly options: SingleFlightOptions,
  ) {}

  get(): Promise<T> {
    const current = this.#current;
    if (current && this.options.now() < current.refreshAt) return Promise.resolve(current.value);
    this.#pending ??= this.load()
      .then(({ value, expiresAt }) => {
        this.#current = { value, refreshAt: this.#refreshAt(expiresAt) };
        return value;
      })
      .finally(() => {
        // A failed load is not cached: the next caller tries again.
        this.#pending = undefined;
      });
    return this.#pending;
  }

  /** The cached value, if any, without loading. */
  peek(): T | undefined {
    return this.#current?.value;
  }

  invalidate(): void {
    this.#current = undefined;
  }

  #refreshAt(expiresAt: number | undefined): number {
    if (expiresAt === undefined) return Number.POSITIVE_INFINITY;
    const now = this.options.now();
    // A lifetime shorter than the skew would otherwise mean a reload on every call.
    const skew = Math.min(this.options.skewMs, Math.max(0, (expiresAt - now) / 2));
    return expiresAt - skew;
  }
}
