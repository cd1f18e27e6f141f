/**
 * Stripe's idempotency layer (docs.stripe.com/api/idempotent_requests): the first result of a
 * key is saved and replayed with `Idempotent-Replayed: true`; the same key with other
 * parameters is an `idempotency_error`. Results are saved only once the endpoint began to run,
 * so a request refused by validation (400), auth or the rate limiter can be retried as is.
 * Keys are per API key, and expire after 24 hours.
 */
import type { Clock, SandboxResponse } from '../../../src/sandbox/index.js';
import { stripeError } from './errors.js';

interface Saved {
  fingerprint: string;
  response: SandboxResponse;
  requestId: string;
  at: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export class IdempotencyStore {
  private readonly saved = new Map<string, Saved>();

  constructor(private readonly clock: Clock) {}

  /** A replay of the saved answer, an idempotency_error (thrown), or undefined for a first use. */
  replay(scope: string, key: string, fingerprint: string): SandboxResponse | undefined {
    const id = `${scope}\u0000${key}`;
    const saved = this.saved.get(id);
    if (!saved) return undefined;
    if (this.clock.now() - saved.at > DAY_MS) {
      this.saved.delete(id);
      return undefined;
    }
    if (saved.fingerprint !== fingerprint) {
      throw stripeError(400, {
        type: 'idempotency_error',
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      });
    }
    return {
      status: saved.response.status,
      body: saved.response.body,
      headers: { ...saved.response.headers, 'idempotent-replayed': 'true', 'original-request': saved.requestId },
    };
  }

  save(scope: string, key: string, fingerprint: string, requestId: string, response: SandboxResponse): void {
    if (response.status === 400 || response.status === 401 || response.status === 403 || response.status === 429) return;
    this.saved.set(`${scope}\u0000${key}`, { fingerprint, response: structuredClone(response), requestId, at: this.clock.now() });
  }
}
