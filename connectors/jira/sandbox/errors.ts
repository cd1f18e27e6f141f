/**
 * Jira's error answers. Almost everything is an ErrorCollection, `{ errorMessages, errors }`,
 * with `errors` keyed by field id; JQL errors add `warningMessages`. A failed login is plain
 * text with `X-Seraph-LoginReason`. Messages are Jira's own wording where it is known; the ones
 * this sandbox could not confirm are marked in connectors/jira/README.md.
 */
import { SandboxHttpError, type SandboxResponse } from '../../../src/sandbox/index.js';

export function errorBody(errorMessages: string[], errors: Record<string, string> = {}): Record<string, unknown> {
  return { errorMessages, errors };
}

export function jiraError(status: number, errorMessages: string[], errors: Record<string, string> = {}): SandboxHttpError {
  return new SandboxHttpError(status, errorBody(errorMessages, errors));
}

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

export function issueNotFound(): SandboxHttpError {
  return jiraError(404, [ISSUE_NOT_FOUND]);
}

export function fieldErrors(errors: Record<string, string>): SandboxHttpError {
  return jiraError(400, [], errors);
}

/** A JQL the search cannot run: 400 with `warningMessages` beside the errors. */
export function jqlError(message: string): SandboxHttpError {
  return new SandboxHttpError(400, { errorMessages: [message], errors: {}, warningMessages: [] });
}

export const UNBOUNDED_JQL = 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

export const NOT_SETTABLE = (field: string) => `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;

export const NOT_ADF = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';

export const LOGIN_FAILED_TEXT = 'Client must be authenticated to access this resource.';

/** A wrong email or token: plain text, and the reason in a header. */
export function unauthorized(): SandboxResponse {
  return { status: 401, headers: { 'content-type': 'text/plain;charset=UTF-8', 'x-seraph-loginreason': 'AUTHENTICATED_FAILED', 'www-authenticate': 'Basic realm="protected-area"' }, body: LOGIN_FAILED_TEXT };
}

/** `yyyy-MM-ddTHH:mmZ`, the form of `X-RateLimit-Reset`. */
export function resetStamp(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16)}Z`;
}

export function rateLimited(retryAfterSeconds: number, limit: number, reason: string, now: number): SandboxResponse {
  return {
    status: 429,
    headers: {
      'retry-after': String(retryAfterSeconds),
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': resetStamp(now + retryAfterSeconds * 1000),
      'ratelimit-reason': reason,
    },
    body: errorBody(['Rate limit exceeded.']),
  };
}
