/**
 * Graph's answers: every response carries `request-id` and `client-request-id`; an error is
 * `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`
 * (learn.microsoft.com/graph/errors); throttling is 429 with Retry-After
 * (learn.microsoft.com/graph/throttling).
 */
import { randomUUID } from 'node:crypto';
import { SandboxHttpError, type SandboxRequest, type SandboxResponse } from '../../../src/sandbox/index.js';

export function requestIds(req: Pick<SandboxRequest, 'headers'>): Record<string, string> {
  const id = randomUUID();
  return { 'request-id': id, 'client-request-id': req.headers['client-request-id'] ?? id };
}

export function graphErrorBody(code: string, message: string, ids: Record<string, string>): Record<string, unknown> {
  return { error: { code, message, innerError: { date: new Date().toISOString().replace(/\.\d{3}Z$/, ''), 'request-id': ids['request-id'], 'client-request-id': ids['client-request-id'] } } };
}

/** Thrown from a route; the server wrapper fills in the request ids. */
export class GraphError extends SandboxHttpError {
  constructor(status: number, readonly code: string, readonly graphMessage: string, headers: Record<string, string> = {}) {
    super(status, { error: { code, message: graphMessage } }, headers);
  }
}

export function answer(req: Pick<SandboxRequest, 'headers'>, status: number, body?: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { ...requestIds(req), ...headers }, ...(body === undefined ? {} : { body }) };
}

export function errorAnswer(req: Pick<SandboxRequest, 'headers'>, status: number, code: string, message: string, headers: Record<string, string> = {}): SandboxResponse {
  const ids = requestIds(req);
  return { status, headers: { ...ids, ...headers, 'content-type': 'application/json' }, body: graphErrorBody(code, message, ids) };
}

export const notFound = (what: string) => new GraphError(404, 'NotFound', `${what} not found.`);
export const badRequest = (message: string) => new GraphError(400, 'BadRequest', message);

/** Runs a route body and answers a thrown GraphError in Graph's format, with request ids. */
export function graphRoute<R extends Pick<SandboxRequest, 'headers'>>(handler: (req: R) => SandboxResponse | Promise<SandboxResponse>): (req: R) => Promise<SandboxResponse> {
  return async (req) => {
    try {
      return await handler(req);
    } catch (error) {
      if (error instanceof GraphError) return errorAnswer(req, error.status, error.code, error.graphMessage, error.headers as Record<string, string>);
      throw error;
    }
  };
}
