/**
 * Twilio's error answers (twilio.com/docs/usage/twilios-response, twilio.com/docs/api/errors):
 * `{ code, message, more_info, status }`, with the codes and sentences Twilio documents for
 * Create Message. Every answer carries Twilio's request headers.
 */
import { randomBytes } from 'node:crypto';
import { SandboxHttpError, type SandboxResponse } from '../../../src/sandbox/index.js';

export function requestHeaders(): Record<string, string> {
  return { 'twilio-request-id': `RQ${randomBytes(16).toString('hex')}`, 'twilio-request-duration': '0.041', 'x-home-region': 'us1', 'x-api-domain': 'api.twilio.com' };
}

export function twilioError(status: number, code: number, message: string, headers: Record<string, string> = {}): SandboxResponse {
  return {
    status, headers: { 'content-type': 'application/json; charset=utf-8', ...requestHeaders(), ...headers },
    body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
  };
}

export const authenticate = () => twilioError(401, 20003, 'Authenticate', { 'www-authenticate': 'Basic realm="Twilio API"' });
export const notFound = (path: string) => twilioError(404, 20404, `The requested resource ${path} was not found`);
export const tooManyRequests = () => twilioError(429, 20429, 'Too Many Requests');

export const toRequired = () => twilioError(400, 21604, "A 'To' phone number is required.");
export const fromRequired = () => twilioError(400, 21603, "A 'From' phone number is required.");
export const bodyRequired = () => twilioError(400, 21602, 'Message body is required.');
export const bodyTooLong = () => twilioError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
export const invalidTo = (to: string) => twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
export const invalidFrom = (from: string) => twilioError(400, 21212, `The 'From' number ${from} is not a valid phone number, shortcode, or alphanumeric sender ID.`);
export const notOwnedFrom = (from: string) => twilioError(400, 21606, `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`);
export const unknownService = (sid: string) => twilioError(400, 21701, `The Messaging Service Sid ${sid} is invalid.`);
/** Where Twilio has no specific code: the parameter named, as its 60200-style answers do. */
export const invalidParameter = (param: string, why: string) => twilioError(400, 20001, `Invalid parameter: ${param} ${why}`.trim());

/** The "magic" recipients of Twilio's test credentials (twilio.com/docs/iam/test-credentials). */
export const MAGIC_RECIPIENTS: Record<string, () => SandboxResponse> = {
  '+15005550001': () => invalidTo('+15005550001'),
  '+15005550002': () => twilioError(400, 21612, "The 'To' phone number: +15005550002, is not currently reachable using the 'From' phone number: via SMS."),
  '+15005550003': () => twilioError(400, 21408, "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: +15005550003."),
  '+15005550004': () => twilioError(400, 21610, 'Attempt to send to unsubscribed recipient'),
  '+15005550009': () => twilioError(400, 21614, "'To' number is not a valid mobile number"),
};

export function fail(response: SandboxResponse): never {
  throw new SandboxHttpError(response.status, response.body, response.headers);
}
