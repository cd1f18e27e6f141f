/**
 * Starts the Postmark stand-in: one server with its token, the `outbound` and `broadcast`
 * streams, a confirmed Sender Signature, a throttle answered with 429, and Postmark's 404 and
 * invalid-JSON answers.
 */
import { randomUUID } from 'node:crypto';
import { RateLimiter, SandboxServer, systemClock, type Clock } from '../../../src/sandbox/index.js';
import { TokenBook, type Principal } from './auth.js';
import { invalidJson, notFound, rateLimited } from './errors.js';
import { postmarkRoutes } from './routes.js';
import { PostmarkStore } from './store.js';

export const DEFAULT_SIGNATURE = 'alerts@forgeworks.example';

export interface PostmarkSandboxOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** The server token accepted. @default a random UUID, as Postmark's tokens are */
  serverToken?: string;
  /** @default ['outbound', 'broadcast'] */
  streams?: string[];
  /** Confirmed Sender Signatures: addresses, or domains for any address at them. @default ['alerts@forgeworks.example'] */
  signatures?: string[];
  /** Inactive recipients (hard bounces, spam complaints, suppressions). @default none */
  inactive?: string[];
  /**
   * Requests a second per server before a 429; false for none. Postmark publishes no figure and
   * no rate-limit headers: this is an assumption. @default 50
   */
  requestsPerSecond?: number | false;
  /** @default systemClock */
  clock?: Clock;
}

export interface PostmarkSandbox {
  baseUrl: string;
  /** `127.0.0.1:PORT`, the form the postmark client's `requestHost` takes. */
  host: string;
  serverToken: string;
  server: SandboxServer<Principal>;
  store: PostmarkStore;
  revoke(): void;
  restore(): void;
  stop(): Promise<void>;
}

export async function startPostmarkSandbox(options: PostmarkSandboxOptions = {}): Promise<PostmarkSandbox> {
  const clock = options.clock ?? systemClock;
  const tokens = new TokenBook(options.serverToken ?? randomUUID());
  const store = new PostmarkStore(
    clock, { id: 4_130_571, name: 'Forgeworks Sandbox' }, new Set(options.streams ?? ['outbound', 'broadcast']),
    new Set((options.signatures ?? [DEFAULT_SIGNATURE]).map((s) => s.toLowerCase())), new Set((options.inactive ?? []).map((s) => s.toLowerCase())),
  );
  const limits = options.requestsPerSecond === false ? [] : [new RateLimiter({ limit: options.requestsPerSecond ?? 50, windowMs: 1000, clock, onLimited: rateLimited })];
  const server = new SandboxServer<Principal>({
    name: 'Postmark', clock, auth: (req) => tokens.check(req), rateLimit: limits,
    notFound: () => notFound(), invalidBody: () => invalidJson(),
  });
  postmarkRoutes(server, store);
  const baseUrl = await server.start(options.port ?? 0);
  return {
    baseUrl, host: new URL(baseUrl).host, serverToken: tokens.token, server, store,
    revoke: () => tokens.revoke(), restore: () => tokens.restore(), stop: () => server.stop(),
  };
}
