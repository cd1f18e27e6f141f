/**
 * One circuit breaker per connection (cockatiel): consecutive transient failures open it, so a
 * vendor that is down is not hammered by every sync; after a cool-down one probe goes through.
 */
import { circuitBreaker, ConsecutiveBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';

export interface BreakerOptions {
  /** Consecutive transient failures that open the circuit. @default 5 */
  threshold: number;
  /** Cool-down before a half-open probe. @default 30_000 */
  halfOpenAfterMs: number;
}

export const DEFAULT_BREAKER_OPTIONS: BreakerOptions = { threshold: 5, halfOpenAfterMs: 30_000 };

/** Thrown inside the breaker for a transient outcome, so that only those count as failures. */
export class TransientOutcome extends Error {
  constructor(readonly outcome: unknown) {
    super('transient outcome');
  }
}

export class BreakerRegistry {
  private readonly breakers = new Map<string, CircuitBreakerPolicy>();

  constructor(private readonly options: BreakerOptions = DEFAULT_BREAKER_OPTIONS) {}

  for(key: string, options: Partial<BreakerOptions> = {}): CircuitBreakerPolicy {
    let breaker = this.breakers.get(key);
    if (!breaker) {
      const merged = { ...this.options, ...options };
      breaker = circuitBreaker(handleWhen((error) => error instanceof TransientOutcome), {
        halfOpenAfter: merged.halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(merged.threshold),
      });
      this.breakers.set(key, breaker);
    }
    return breaker;
  }
}

/** Process-wide: every executor of a connection shares its breaker. */
export const sharedBreakers = new BreakerRegistry();
