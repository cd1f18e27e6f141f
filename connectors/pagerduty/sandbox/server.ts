/**
 * Starts the PagerDuty Events API v2 stand-in: `POST /v2/enqueue`, the integration keys it knows
 * (one per service integration), alert de-duplication, and a per-key throttle answered with a
 * bare 429. There is no auth header: the key is in the body, checked after the event's shape.
 */
import { randomBytes } from 'node:crypto';
import { RateLimiter, SandboxServer, systemClock, type Clock, type SandboxRequest } from '../../../src/sandbox/index.js';
import { accepted, fail, invalidEvent, invalidRoutingKey, throttled } from './errors.js';
import { PagerDutyStore } from './store.js';
import { eventProblems } from './validate.js';

export interface PagerDutySandboxOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** The integration key accepted (32 letters and digits). @default a random one */
  routingKey?: string;
  /**
   * Events a minute per integration key before a 429; false for none. PagerDuty adjusts its
   * throttle dynamically and publishes no figure: this one is an assumption. @default 120
   */
  eventsPerMinute?: number | false;
  /** @default systemClock */
  clock?: Clock;
}

export interface PagerDutySandbox {
  baseUrl: string;
  routingKey: string;
  server: SandboxServer<undefined>;
  store: PagerDutyStore;
  /** Deletes the integration (its key is then refused), and brings it back. */
  revoke(): void;
  restore(): void;
  stop(): Promise<void>;
}

const keyOf = (req: SandboxRequest) => String((req.body as { routing_key?: unknown } | undefined)?.routing_key ?? '');

export async function startPagerDutySandbox(options: PagerDutySandboxOptions = {}): Promise<PagerDutySandbox> {
  const clock = options.clock ?? systemClock;
  const routingKey = options.routingKey ?? randomBytes(16).toString('hex');
  if (!/^[A-Za-z0-9]{32}$/.test(routingKey)) throw new Error('a PagerDuty integration key is 32 letters and digits');
  const keys = new Set([routingKey]);
  const store = new PagerDutyStore(clock);
  const limits = options.eventsPerMinute === false ? [] : [new RateLimiter({ limit: options.eventsPerMinute ?? 120, windowMs: 60_000, clock, key: keyOf, onLimited: throttled })];
  const server = new SandboxServer<undefined>({
    name: 'PagerDuty Events API v2', clock, rateLimit: limits,
    notFound: () => ({ status: 404, headers: { 'content-type': 'application/json' }, body: { status: 'not found', message: 'Not Found' } }),
    invalidBody: () => invalidEvent(['Event object is not valid JSON']),
  });
  server.route('POST', '/v2/enqueue', (req) => {
    const problems = eventProblems(req.body);
    if (problems.length > 0) fail(invalidEvent(problems));
    if (!keys.has(keyOf(req))) fail(invalidRoutingKey());
    return accepted(store.apply(req.body as Record<string, unknown>));
  });
  const baseUrl = await server.start(options.port ?? 0);
  return {
    baseUrl, routingKey, server, store,
    revoke: () => keys.delete(routingKey), restore: () => void keys.add(routingKey),
    stop: () => server.stop(),
  };
}
