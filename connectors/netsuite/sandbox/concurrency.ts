/**
 * NetSuite governs web services by concurrency, not by requests per minute: the account may
 * have so many requests in flight at once (5 on the lowest service tier, plus 10 per SuiteCloud
 * Plus licence: docs.oracle.com … section_1525253248, "Sample Scenario"), and one more is
 * refused with 429 while the others run. The gate counts requests from the moment the handler
 * starts until its answer is ready; `processingMs` holds each request that long, so a client's
 * parallelism shows the way it would against NetSuite's real latency.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { SandboxHandler, SandboxServer } from '../../../src/sandbox/index.js';
import { concurrencyLimited } from './errors.js';
import type { Principal } from './tba.js';

export interface ConcurrencyOptions {
  /** Requests in flight at once. @default 5 */
  limit?: number;
  /** How long each request is held before it is answered. @default 0 */
  processingMs?: number;
}

export class ConcurrencyGate {
  inFlight = 0;
  /** The most requests that were ever in flight at once, and how many were refused. */
  peak = 0;
  refused = 0;
  readonly limit: number;
  readonly processingMs: number;

  constructor(options: ConcurrencyOptions = {}) {
    this.limit = options.limit ?? 5;
    this.processingMs = options.processingMs ?? 0;
  }

  wrap(handler: SandboxHandler<Principal>): SandboxHandler<Principal> {
    return async (req) => {
      if (this.inFlight >= this.limit) {
        this.refused++;
        return concurrencyLimited(this.limit);
      }
      this.inFlight++;
      this.peak = Math.max(this.peak, this.inFlight);
      try {
        if (this.processingMs > 0) await sleep(this.processingMs);
        return await handler(req);
      } finally {
        this.inFlight--;
      }
    };
  }
}

/** Registers a governed route. */
export function governed(server: SandboxServer<Principal>, gate: ConcurrencyGate, method: string | string[], path: string, handler: SandboxHandler<Principal>): void {
  server.route(method, path, gate.wrap(handler));
}
