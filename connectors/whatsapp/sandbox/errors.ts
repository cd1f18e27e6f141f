/**
 * Graph's error answers as the Cloud API sends them (developers.facebook.com, WhatsApp Cloud API
 * "Error codes"; Graph API "Handling errors"): `{ error: { message, type, code, error_subcode,
 * error_data: { messaging_product, details }, fbtrace_id } }`, with the HTTP statuses Meta's
 * table gives (throttling included, which comes as a 400).
 */
import { randomBytes } from 'node:crypto';
import { SandboxHttpError, type SandboxResponse } from '../../../src/sandbox/index.js';
import type { Problem } from './validate.js';

const JSON_TYPE = { 'content-type': 'application/json; charset=UTF-8' };

export function fbtraceId(): string {
  return randomBytes(9).toString('base64url');
}

export interface GraphErrorInput {
  status: number;
  message: string;
  code: number;
  type?: string;
  subcode?: number;
  details?: string;
  headers?: Record<string, string>;
}

export function graphError(input: GraphErrorInput): SandboxResponse {
  return {
    status: input.status,
    headers: { ...JSON_TYPE, ...(input.status === 401 ? { 'www-authenticate': 'OAuth "Facebook Platform" "invalid_token"' } : {}), ...input.headers },
    body: {
      error: {
        message: input.message, type: input.type ?? 'OAuthException', code: input.code,
        ...(input.details !== undefined ? { error_data: { messaging_product: 'whatsapp', details: input.details } } : {}),
        ...(input.subcode !== undefined ? { error_subcode: input.subcode } : {}),
        fbtrace_id: fbtraceId(),
      },
    },
  };
}

export const invalidToken = () => graphError({ status: 401, code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });
export const expiredToken = () => graphError({ status: 401, code: 190, subcode: 463, message: 'Error validating access token: Session has expired.' });
export const unknownPath = (path: string) => graphError({ status: 400, code: 2500, message: `Unknown path components: ${path}` });

export function unknownObject(id: string): SandboxResponse {
  return graphError({ status: 400, code: 100, subcode: 33, type: 'GraphMethodException', message: `Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api` });
}

/** `text['body']`, `template['components'][0]`: how Graph names a parameter inside the body. */
export function graphParam(path: string[]): string {
  return path.map((p, i) => (i === 0 ? p : /^\d+$/.test(p) ? `[${p}]` : `['${p}']`)).join('');
}

/** The first schema problem, worded as Graph words it. */
export function invalidParameter(problem: Problem): SandboxResponse {
  if (problem.keyword === 'required' && problem.property) {
    const param = graphParam([...problem.path, problem.property]);
    return graphError({ status: 400, code: 100, message: `(#100) The parameter ${param} is required.` });
  }
  if (problem.keyword === 'unevaluatedProperties' || problem.keyword === 'additionalProperties') {
    const where = problem.path.length ? `param "${graphParam(problem.path)}"` : 'the request';
    return graphError({ status: 400, code: 100, message: '(#100) Invalid parameter', details: `Unexpected key "${problem.property ?? '?'}" on ${where}.` });
  }
  return graphError({ status: 400, code: 100, message: `(#100) Param ${graphParam(problem.path)} ${problem.message}.` });
}

export const throughputLimited = () => graphError({
  status: 400, code: 130429, message: '(#130429) Rate limit hit', details: 'Cloud API message throughput has been reached.',
});
export const pairLimited = () => graphError({
  status: 400, code: 131056, message: '(#131056) (Business Account, Consumer Account) pair rate limit hit',
  details: 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
});
export const notAllowedRecipient = () => graphError({
  status: 400, code: 131030, message: '(#131030) Recipient phone number not in allowed list',
  details: 'Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again.',
});
export const unknownTemplate = (name: string, language: string) => graphError({
  status: 404, code: 132001, message: '(#132001) Template name does not exist in the translation', details: `template name (${name}) does not exist in ${language}`,
});
export const parameterCount = (expected: number, got: number) => graphError({
  status: 400, code: 132000, message: '(#132000) Number of parameters does not match the expected number of params',
  details: `body: number of localizable_params (${got}) does not match the expected number of params (${expected})`,
});
export const serverError = () => graphError({ status: 500, code: 131000, message: '(#131000) Something went wrong', details: 'Something went wrong' });
export const unavailable = () => graphError({ status: 503, code: 131016, message: '(#131016) Service unavailable', details: 'A service is temporarily unavailable.' });

/** Thrown from handlers to answer one of the bodies above. */
export function fail(response: SandboxResponse): never {
  throw new SandboxHttpError(response.status, response.body, response.headers);
}
