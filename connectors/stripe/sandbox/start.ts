/**
 * Starts the Stripe stand-in: a store, its key, its server on loopback, and a seeder.
 */
import { systemClock, type Clock, type SandboxServer } from '../../../src/sandbox/index.js';
import { STRIPE_API_VERSION } from '../version.js';
import { KeyRing, randomBase62, type StripePrincipal } from './auth.js';
import { Seeder, type SeedableObject } from './seed.js';
import { buildServer } from './server.js';
import { StripeStore } from './store.js';

export interface StripeSandboxOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** Serves this many customers computed from their index (benchmarks). @default none */
  generated?: { customers: number };
  /** The secret key accepted. @default a random `sk_test_` key */
  apiKey?: string;
  /** Requests per second per key before a 429; false turns limiting off. @default 25 (Stripe's test mode) */
  rateLimit?: number | false;
  /** @default systemClock */
  clock?: Clock;
  /** Seeds the id generators, so a run's ids repeat. @default 1 */
  seed?: number;
}

export interface StripeSandbox {
  baseUrl: string;
  apiKey: string;
  server: SandboxServer<StripePrincipal>;
  store: StripeStore;
  keys: KeyRing;
  /** Adds pre-existing objects (created a day ago, with their events); returns their ids. */
  seed(object: SeedableObject, count: number): string[];
  stop(): Promise<void>;
}

export async function startStripeSandbox(options: StripeSandboxOptions = {}): Promise<StripeSandbox> {
  const clock = options.clock ?? systemClock;
  const store = new StripeStore(clock, STRIPE_API_VERSION, { seed: options.seed, generatedCustomers: options.generated?.customers });
  const keys = new KeyRing();
  const apiKey = keys.add(options.apiKey ?? `sk_test_${randomBase62(32)}`);
  const server = buildServer({ store, keys, rateLimit: options.rateLimit ?? 25 });
  const baseUrl = await server.start(options.port ?? 0);
  const seeder = new Seeder(store);
  return {
    baseUrl, apiKey, server, store, keys,
    seed: (object, count) => seeder.seed(object, count),
    stop: () => server.stop(),
  };
}
