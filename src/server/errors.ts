/**
 * The one error shape of the API: `{ error: { code, message, fields? } }`. Unexpected errors
 * answer 500 with a generic message; their detail goes to the (scrubbed) log only.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import pg from 'pg';
import { ZodError } from 'zod';
import { ConnectorError } from '../core/index.js';
import { scrubGeneric } from '../core/scrub.js';
import { DefinitionError, UnknownConnectorError } from '../registry/index.js';

export class ApiError extends Error {
  constructor(readonly statusCode: number, readonly code: string, message: string, readonly fields?: Array<{ field: string; message: string }>) {
    super(message);
  }
}

/** Never names the id asked for: the answer for another tenant's object and a missing one is the same. */
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
export const forbidden = () => new ApiError(403, 'forbidden', 'your role does not allow this');
export const conflict = (code: string, message: string) => new ApiError(409, code, message);
export const invalid = (field: string, message: string) => new ApiError(400, 'validation', `invalid input: ${field}: ${message}`, [{ field, message }]);

export interface ErrorBody {
  error: { code: string; message: string; fields?: Array<{ field: string; message: string }> };
}

const CONNECTOR_STATUS = { permanent: 502, transient: 503, validation: 422, not_found: 404, conflict: 409 } as const;

export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof ApiError) return { status: error.statusCode, body: { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } } };
  if (error instanceof ZodError) {
    const fields = error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
    return { status: 400, body: { error: { code: 'validation', message: `invalid input: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, fields } } };
  }
  if (error instanceof DefinitionError) {
    return { status: 400, body: { error: { code: 'invalid_definition', message: error.message, fields: error.issues.map((i) => ({ field: i.path, message: i.message })) } } };
  }
  if (error instanceof UnknownConnectorError) return { status: 404, body: { error: { code: 'not_found', message: error.message } } };
  if (error instanceof ConnectorError) {
    return { status: CONNECTOR_STATUS[error.kind], body: { error: { code: `connector_${error.kind}`, message: scrubGeneric(error.message), fields: error.fields } } };
  }
  if (error instanceof pg.DatabaseError && error.code === '23505') {
    return { status: 409, body: { error: { code: 'conflict', message: 'that already exists' } } };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError?.validation) {
    const fields = fastifyError.validation.map((v) => ({ field: (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || String(v.params?.missingProperty ?? '(body)'), message: v.message ?? 'invalid' }));
    return { status: 400, body: { error: { code: 'validation', message: scrubGeneric(fastifyError.message), fields } } };
  }
  if (fastifyError?.statusCode && fastifyError.statusCode < 500) {
    return { status: fastifyError.statusCode, body: { error: { code: fastifyError.code?.toLowerCase() ?? 'bad_request', message: scrubGeneric(fastifyError.message) } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'something went wrong on our side; the error is logged' } } };
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorBody(error);
  if (status >= 500) request.log.error({ err: { message: scrubGeneric(String((error as Error)?.message)), stack: (error as Error)?.stack } }, 'request failed');
  void reply.status(status).send(body);
}
