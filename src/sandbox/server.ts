import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Router from 'find-my-way';
import type { AuthHook } from './auth.js';
import { systemClock, type Clock } from './clock.js';
import { handleExchange } from './exchange.js';
import { FaultInjector } from './faults.js';
import type { PipelineHooks, RouteEntry } from './pipeline.js';
import type { RateLimiter } from './rate-limit.js';
import type { BodyProblem } from './request.js';
import type { RecordedRequest, SandboxHandler, SandboxRequest, SandboxResponse } from './types.js';

export interface SandboxServerOptions<P> {
  /** The vendor imitated; shows in error messages. */
  name: string;
  /** Authenticates every non-public route. @default none: every request passes, `auth` is undefined */
  auth?: AuthHook<P>;
  /** Applied in order after auth; the first refusal answers. @default none */
  rateLimit?: RateLimiter | RateLimiter[];
  /** @default a FaultInjector with seed 1 and no rules, reachable as `server.faults` */
  faults?: FaultInjector;
  /** Stamps the request log. @default systemClock */
  clock?: Clock;
  /** The vendor's answer to an unknown route (after auth and limits). @default 404 `{ message }` */
  notFound?: (req: SandboxRequest) => SandboxResponse;
  /** The vendor's answer to a malformed JSON body. @default 400 `{ message }` */
  invalidBody?: (req: SandboxRequest, problem: BodyProblem) => SandboxResponse;
}

/** A loopback HTTP server imitating one vendor API; see DESIGN.md "Sandboxes". */
export class SandboxServer<P = unknown> {
  readonly name: string;
  readonly faults: FaultInjector;
  readonly limiters: readonly RateLimiter[];
  /** Every request in arrival order, faulted ones included. */
  readonly requestLog: RecordedRequest[] = [];
  private readonly router = Router({ maxParamLength: 500 });
  private readonly clock: Clock;
  private readonly hooks: PipelineHooks;
  private server: Server | undefined;
  private stopping = new AbortController();
  private base: string | undefined;

  constructor(options: SandboxServerOptions<P>) {
    this.name = options.name;
    this.faults = options.faults ?? new FaultInjector();
    this.limiters = options.rateLimit === undefined ? [] : [options.rateLimit].flat();
    this.clock = options.clock ?? systemClock;
    this.hooks = {
      auth: options.auth,
      limiters: this.limiters,
      notFound: options.notFound ?? ((req) => ({ status: 404, body: { message: `No route for ${req.method} ${req.path}` } })),
      invalidBody: options.invalidBody ?? ((_req, p) => ({ status: 400, body: { message: `Invalid JSON body: ${p.message}` } })),
    };
  }

  /** Registers a handler; `path` uses find-my-way syntax (`/crm/v3/objects/:objectType`). */
  route(method: string | string[], path: string, handler: SandboxHandler<P>): this;
  /** A public route skips the auth hook (OAuth token endpoints); its `req.auth` is undefined. */
  route(method: string | string[], path: string, options: { auth: false }, handler: SandboxHandler<undefined>): this;
  route(
    method: string | string[],
    path: string,
    second: SandboxHandler<P> | { auth: false },
    third?: SandboxHandler<undefined>,
  ): this {
    const handler = typeof second === 'function' ? second : third;
    if (!handler) throw new TypeError('route() needs a handler');
    const entry: RouteEntry = {
      handler: (req) => handler(req as SandboxRequest<P & undefined>),
      public: typeof second !== 'function',
    };
    const methods = [method].flat().map((m) => m.toUpperCase() as Router.HTTPMethod);
    this.router.on(methods, path, () => undefined, entry);
    return this;
  }

  /** Listens on 127.0.0.1 only and returns the base URL, e.g. `http://127.0.0.1:41234`. */
  async start(port = 0): Promise<string> {
    if (this.server) throw new Error(`${this.name} sandbox is already started`);
    const stopping = new AbortController();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const ctx = { name: this.name, baseUrl, router: this.router, faults: this.faults, hooks: this.hooks, clock: this.clock, log: this.requestLog, signal: stopping.signal };
    server.on('request', (req, res) => void handleExchange(ctx, req, res));
    [this.server, this.stopping, this.base] = [server, stopping, baseUrl];
    return baseUrl;
  }

  get url(): string {
    if (!this.base) throw new Error(`${this.name} sandbox is not started`);
    return this.base;
  }

  /** Stops listening and drops every connection at once: keep-alive, hung and delayed ones too. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.base = undefined;
    this.stopping.abort();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  clearLog(): void {
    this.requestLog.length = 0;
  }
}
