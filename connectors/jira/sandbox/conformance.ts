/**
 * The sandbox as the shared conformance suites see it: the email-and-token credentials, the
 * connection's site, vendor-side levers, and Jira's own error answer for each status.
 */
import type { SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import type { ConformanceSandbox } from '../../../test/conformance/types.js';
import { errorBody, ISSUE_NOT_FOUND, rateLimited, unauthorized } from './errors.js';
import { startJiraSandbox, type JiraSandboxOptions, type SeedableObject } from './server.js';

type ErrorStatus = Parameters<ConformanceSandbox['errorResponse']>[0];

export function jiraErrorResponse(status: ErrorStatus): SandboxResponse {
  switch (status) {
    case 400:
    case 422:
      return { status, body: errorBody([], { summary: 'You must specify a summary of the issue.' }) };
    case 401:
      return unauthorized();
    case 403:
      return { status, body: errorBody(['You do not have permission to view these issues.']) };
    case 404:
      return { status, body: errorBody([ISSUE_NOT_FOUND]) };
    case 409:
      return { status, body: errorBody(['The issue was changed by someone else while you were editing it.']) };
    case 429:
      return rateLimited(1, 100, 'jira-burst-based', Date.now());
    case 503:
      return { status, body: errorBody(['Service Unavailable']) };
  }
}

export async function jiraConformanceSandbox(options: JiraSandboxOptions = {}): Promise<ConformanceSandbox> {
  const sandbox = await startJiraSandbox(options);
  return {
    baseUrl: sandbox.baseUrl,
    server: sandbox.server as SandboxServer<unknown>,
    authMethodId: 'api_token',
    credentials: { username: sandbox.email, password: sandbox.apiToken },
    config: { site: 'sandbox', projectKey: 'SBX', issueType: 'Task' },
    seed: (object, count) => void sandbox.seed(object as SeedableObject, count),
    liveIds: (object) => object === 'issues'
      ? sandbox.store.issues.list().map((e) => e.id)
      : sandbox.store.users.list({ filter: (u) => u.data.active && u.data.accountType !== 'app' }).map((u) => u.id),
    touch: (object, id) => sandbox.touch(object as SeedableObject, id),
    remove: (object, id) => sandbox.remove(object as SeedableObject, id),
    revokeCredentials: () => sandbox.revoke(),
    errorResponse: jiraErrorResponse,
    stop: () => sandbox.stop(),
  };
}
