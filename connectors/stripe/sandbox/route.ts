/**
 * Every Stripe route goes through here: bracket params decoded (query string and form body),
 * idempotent POSTs replayed or refused, thrown Stripe errors answered with `request_log_url`,
 * and the headers Stripe puts on every answer (`Request-Id`, `Stripe-Version`).
 */
import { SandboxHttpError, type SandboxRequest, type SandboxResponse, type SandboxServer } from '../../../src/sandbox/index.js';
import { newRequestId, type StripePrincipal } from './auth.js';
import { invalidRequest } from './errors.js';
import { decodeFormBody, decodeParams, fingerprint, type Params } from './form.js';
import type { IdempotencyStore } from './idempotency.js';
import type { ChangeContext } from './store.js';

export interface StripeCall {
  req: SandboxRequest<StripePrincipal>;
  params: Params;
  /** For the events this call causes: its request id and idempotency key. */
  change: ChangeContext;
}

/** Returns the body of a 200 (Stripe answers every success, creates included, with 200); throws errors. */
export type StripeHandler = (call: StripeCall) => unknown;

export interface RouteDeps {
  server: SandboxServer<StripePrincipal>;
  idempotency: IdempotencyStore;
  apiVersion: string;
}

/** Adds `request_log_url` to an error body, as Stripe links each failed request to its log. */
function withLogUrl(body: unknown, requestId: string): unknown {
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
  if (!error || typeof error !== 'object') return body;
  return { error: { ...error, request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}` } };
}

export function stripeRoute(deps: RouteDeps, method: 'GET' | 'POST' | 'DELETE', path: string, handler: StripeHandler): void {
  deps.server.route(method, path, (req) => {
    const requestId = newRequestId();
    const key = req.headers['idempotency-key'];
    const headers: Record<string, string> = { 'request-id': requestId, 'stripe-version': req.headers['stripe-version'] ?? deps.apiVersion };
    if (key !== undefined) headers['idempotency-key'] = key;
    const idempotent = method === 'POST' && key !== undefined;
    let print = '';
    let response: SandboxResponse;
    try {
      const params = method === 'POST' ? { ...decodeParams(req.searchParams), ...decodeFormBody(req.rawBody) } : decodeParams(req.searchParams);
      if (idempotent) {
        if (key.length > 255) throw invalidRequest('Idempotency keys can be at most 255 characters long.', { param: 'Idempotency-Key' });
        print = `${req.path} ${fingerprint(params)}`;
        const replay = deps.idempotency.replay(req.auth.key, key, print);
        if (replay) return { ...replay, headers: { ...replay.headers, ...headers } };
      }
      response = { status: 200, body: handler({ req, params, change: { requestId, idempotencyKey: key ?? null } }) };
    } catch (error) {
      if (!(error instanceof SandboxHttpError)) throw error;
      response = error.toResponse();
    }
    response = { ...response, body: withLogUrl(response.body, requestId) };
    if (idempotent && print) deps.idempotency.save(req.auth.key, key, print, requestId, response);
    return { ...response, headers: { ...response.headers, ...headers } };
  });
}
