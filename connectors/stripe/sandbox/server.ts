/**
 * The Stripe stand-in assembled from the toolkit: auth (Bearer or Basic secret key), Stripe's
 * rate limits, its 404 for unknown URLs, and the routes.
 */
import { RateLimiter, SandboxServer, type RateLimitState, type SandboxResponse } from '../../../src/sandbox/index.js';
import { newRequestId, stripeAuth, type KeyRing, type StripePrincipal } from './auth.js';
import { errorBody, RATE_LIMIT_BODY } from './errors.js';
import { IdempotencyStore } from './idempotency.js';
import { chargeRoutes } from './routes/charges.js';
import { customerRoutes } from './routes/customers.js';
import { eventRoutes } from './routes/events.js';
import { invoiceRoutes } from './routes/invoices.js';
import type { StripeStore } from './store.js';

export interface ServerOptions {
  store: StripeStore;
  keys: KeyRing;
  /** Requests per second per key; false for none. */
  rateLimit: number | false;
}

function limited(_state: RateLimitState): SandboxResponse {
  // Stripe sends no Retry-After on a rate-limited request: clients back off exponentially.
  return { status: 429, headers: { 'request-id': newRequestId() }, body: RATE_LIMIT_BODY };
}

function limiters(perSecond: number | false, clock: StripeStore['clock']): RateLimiter[] {
  if (perSecond === false) return [];
  const key = (req: { auth: unknown }) => (req.auth as StripePrincipal).key;
  return [
    new RateLimiter({ limit: perSecond, windowMs: 1000, window: 'sliding', key, onLimited: limited, clock }),
    // Search has its own, stricter limit (docs.stripe.com/search#rate-limits).
    new RateLimiter({ limit: Math.min(20, perSecond), windowMs: 1000, window: 'sliding', key, onLimited: limited, clock, match: (req) => req.path.endsWith('/search') }),
  ];
}

export function buildServer(options: ServerOptions): SandboxServer<StripePrincipal> {
  const { store } = options;
  const server = new SandboxServer<StripePrincipal>({
    name: 'Stripe',
    auth: stripeAuth(options.keys),
    rateLimit: limiters(options.rateLimit, store.clock),
    clock: store.clock,
    notFound: (req) => ({
      status: 404,
      headers: { 'request-id': newRequestId() },
      body: errorBody({ type: 'invalid_request_error', message: `Unrecognized request URL (${req.method}: ${req.path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.` }),
    }),
    invalidBody: () => ({
      status: 400,
      headers: { 'request-id': newRequestId() },
      body: errorBody({ type: 'invalid_request_error', message: 'Invalid request: the body must be application/x-www-form-urlencoded.' }),
    }),
  });
  const deps = { server, idempotency: new IdempotencyStore(store.clock), apiVersion: store.apiVersion };
  customerRoutes(deps, store);
  chargeRoutes(deps, store);
  invoiceRoutes(deps, store);
  eventRoutes(deps, store);
  return server;
}
