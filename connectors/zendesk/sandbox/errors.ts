/**
 * Zendesk's error bodies: `{ error, description, details }` (developer.zendesk.com, "Errors"),
 * 401 as the bare `{ error: "Couldn't authenticate you" }`, and the incremental-export 429
 * body as Zendesk sends it (seen in cloudbees-oss/zendesk-java-client#319).
 */
import { SandboxHttpError, type SandboxResponse } from '../../../src/sandbox/index.js';
import type { Details } from './validate.js';

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

export function unauthorized(): SandboxResponse {
  return { status: 401, headers: { ...JSON_TYPE, 'www-authenticate': 'Basic realm="Web Password"' }, body: { error: "Couldn't authenticate you" } };
}

export function forbidden(): SandboxResponse {
  return { status: 403, headers: JSON_TYPE, body: { error: 'Forbidden', description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.' } };
}

export function recordInvalid(details: Details, status = 422): SandboxResponse {
  return { status, headers: JSON_TYPE, body: { error: 'RecordInvalid', description: 'Record validation errors', details } };
}

export function notFound(): SandboxResponse {
  return { status: 404, headers: JSON_TYPE, body: { error: 'RecordNotFound', description: 'Not found' } };
}

export function invalidEndpoint(): SandboxResponse {
  return { status: 404, headers: JSON_TYPE, body: { error: 'InvalidEndpoint', description: 'Not found' } };
}

/** A parameter Zendesk refuses (a too recent `start_time`, a forged cursor, too many ids). */
export function invalidParameter(field: string, description: string): SandboxResponse {
  return { status: 400, headers: JSON_TYPE, body: { error: 'InvalidValue', description, details: { [field]: [{ description, error: 'InvalidValue' }] } } };
}

export function exportLimited(retryAfterSeconds: number): SandboxResponse {
  return {
    status: 429, headers: { ...JSON_TYPE, 'retry-after': String(retryAfterSeconds) },
    body: { error: 'APIRateLimitExceeded', description: 'Number of allowed incremental export API requests per minute exceeded' },
  };
}

export function accountLimited(retryAfterSeconds: number): SandboxResponse {
  return {
    status: 429, headers: { ...JSON_TYPE, 'retry-after': String(retryAfterSeconds) },
    body: { error: 'APIRateLimitExceeded', description: 'Number of allowed API requests per minute exceeded' },
  };
}

export function conflict(): SandboxResponse {
  return { status: 409, headers: JSON_TYPE, body: { error: 'TooManyRetries', description: 'The record was changed by another request; try again.' } };
}

export function unavailable(): SandboxResponse {
  return { status: 503, headers: { ...JSON_TYPE, 'retry-after': '1' }, body: { error: 'ServiceUnavailable', description: 'Zendesk is temporarily unavailable. Please try again later.' } };
}

/** Thrown from handlers to answer one of the bodies above. */
export function fail(response: SandboxResponse): never {
  throw new SandboxHttpError(response.status, response.body, response.headers);
}
