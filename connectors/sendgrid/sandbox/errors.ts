/**
 * SendGrid's error answers: `{ errors: [{ message, field, help }] }` (twilio.com/docs/sendgrid:
 * "Errors", "Mail Send errors", "Rate limits"). `help` is the link to the Mail Send errors page,
 * as SendGrid sends it (a string; the published description calls it an object).
 */
import { SandboxHttpError, type SandboxResponse } from '../../../src/sandbox/index.js';
import type { MailError } from './validate.js';

const JSON_TYPE = { 'content-type': 'application/json' };

export function sendgridErrors(status: number, errors: MailError[], headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { ...JSON_TYPE, ...headers }, body: { errors } };
}

const bare = (message: string): MailError => ({ message, field: null, help: null });

export const authorizationRequired = () => sendgridErrors(401, [bare('authorization required')]);
export const invalidGrant = () => sendgridErrors(401, [bare('The provided authorization grant is invalid, expired, or revoked')]);
export const accessForbidden = () => sendgridErrors(403, [bare('access forbidden')]);
export const unverifiedSender = () => sendgridErrors(403, [{
  message: 'The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved. Visit https://sendgrid.com/docs/for-developers/sending-email/sender-identity/ to see the Sender Identity requirements',
  field: 'from', help: null,
}]);
export const tooManyRequests = (headers: Record<string, string> = {}) => sendgridErrors(429, [bare('too many requests')], headers);
export const payloadTooLarge = () => sendgridErrors(413, [bare('The JSON payload you have included in your request is too large.')]);
export const notFound = () => sendgridErrors(404, [bare('resource not found')]);

export function fail(response: SandboxResponse): never {
  throw new SandboxHttpError(response.status, response.body, response.headers);
}
