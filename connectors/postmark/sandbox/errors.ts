/**
 * Postmark's answers (postmarkapp.com/developer/api/overview): `{ ErrorCode, Message }` with 401
 * for a bad or missing token (ErrorCode 10), 422 for a refused email, 429 when a server sends too
 * fast, 500 and 503. The sentences are Postmark's where its documentation or support articles
 * quote them (300 "Provide either email TextBody or HtmlBody or both.", "Invalid 'To' address",
 * "Zero recipients specified", 400 for an unconfirmed sender, 406 for inactive recipients).
 */
import { SandboxHttpError, type SandboxResponse } from '../../../src/sandbox/index.js';

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

export function postmarkError(status: number, code: number, message: string): SandboxResponse {
  return { status, headers: JSON_TYPE, body: { ErrorCode: code, Message: message } };
}

export const missingToken = () => postmarkError(401, 10, 'No Account or Server API tokens were supplied in the HTTP headers. Please add a header for either X-Postmark-Server-Token or X-Postmark-Account-Token.');
export const badToken = () => postmarkError(401, 10, 'The Server Token you provided in the X-Postmark-Server-Token request header was invalid. Please verify that you are using a valid token.');
export const invalidJson = () => postmarkError(422, 402, 'Received invalid JSON input.');
export const invalidRequest = (message: string) => postmarkError(422, 300, message);
export const notASenderSignature = (from: string) => postmarkError(422, 400, `The 'From' address you supplied (${from}) is not a Sender Signature on your account. Please add and confirm this address in order to be able to use it in the 'From' field of your messages.`);
export const inactiveRecipients = (addresses: string[]) => postmarkError(422, 406, `You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: ${addresses.join(', ')}. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression.`);
export const unknownStream = (stream: string) => postmarkError(422, 1235, `The message stream '${stream}' was not found on this server.`);
export const rateLimited = () => postmarkError(429, 429, 'Rate limit exceeded.');
export const notFound = () => postmarkError(404, 404, 'The requested resource was not found.');

export function fail(response: SandboxResponse): never {
  throw new SandboxHttpError(response.status, response.body, response.headers);
}
