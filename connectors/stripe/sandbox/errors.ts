/**
 * Stripe's error answers: `{ error: { type, code, message, param, doc_url, request_log_url } }`
 * (docs.stripe.com/api/errors). `request_log_url` is filled in by the route wrapper, which knows
 * the request id.
 */
import { SandboxHttpError } from '../../../src/sandbox/index.js';

export type StripeErrorType = 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

export interface StripeErrorFields {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  charge?: string;
}

export function docUrl(code: string): string {
  return `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}`;
}

export function errorBody(fields: StripeErrorFields): { error: Record<string, unknown> } {
  const error: Record<string, unknown> = { ...fields };
  if (fields.code) error.doc_url = docUrl(fields.code);
  return { error };
}

export function stripeError(status: number, fields: StripeErrorFields, headers: Record<string, string> = {}): SandboxHttpError {
  return new SandboxHttpError(status, errorBody(fields), headers);
}

export function invalidRequest(message: string, options: { code?: string; param?: string; status?: number } = {}): SandboxHttpError {
  return stripeError(options.status ?? 400, { type: 'invalid_request_error', message, code: options.code, param: options.param });
}

/** `No such customer: 'cus_x'`, 404 on the object's own path; 400 when a parameter names it. */
export function resourceMissing(kind: string, id: string, param = 'id'): SandboxHttpError {
  return invalidRequest(`No such ${kind}: '${id}'`, { code: 'resource_missing', param, status: param === 'id' ? 404 : 400 });
}

export function unknownParameter(name: string): SandboxHttpError {
  return invalidRequest(`Received unknown parameter: ${name}`, { code: 'parameter_unknown', param: name });
}

export function invalidInteger(param: string, value: string): SandboxHttpError {
  return invalidRequest(`Invalid integer: ${value}`, { code: 'parameter_invalid_integer', param });
}

/** The 429 Stripe sends when the request rate limiter refuses (docs.stripe.com/rate-limits). */
export const RATE_LIMIT_BODY = errorBody({
  type: 'invalid_request_error',
  code: 'rate_limit',
  message: 'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.',
});

/** Stripe shows a refused key as its prefix, asterisks and its last four characters. */
export function maskKey(key: string): string {
  const prefix = /^(sk|rk|pk)_(test|live)_/.exec(key)?.[0] ?? '';
  const tail = key.length - prefix.length > 8 ? key.slice(-4) : '';
  return `${prefix}${'*'.repeat(Math.max(4, key.length - prefix.length - tail.length))}${tail}`;
}
