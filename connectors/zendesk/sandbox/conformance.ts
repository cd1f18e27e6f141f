/**
 * The sandbox as the shared conformance suites and `forge sandbox zendesk` see it: the API-token
 * method's credentials, vendor-side levers, and Zendesk's own error answers per status.
 *
 * For the suites the export limit is raised (10 a minute would make them take minutes) and the
 * one-minute export delay is off (a change made in a test must be exportable at once); both
 * keep Zendesk's values by default and sandbox.test.ts checks them.
 */
import type { SandboxFactory } from '../../../src/cli/sandbox.js';
import type { SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import type { ConformanceSandbox } from '../../../test/conformance/types.js';
import { conflict, exportLimited, forbidden, notFound, recordInvalid, unauthorized, unavailable } from './errors.js';
import { startZendeskSandbox, type ZendeskSandboxOptions } from './server.js';
import type { ObjectName } from './store.js';

type ErrorStatus = Parameters<ConformanceSandbox['errorResponse']>[0];

export const SUBDOMAIN = 'forgeworks';

/** What Zendesk answers for each status a client must handle. */
export function zendeskErrorResponse(status: ErrorStatus): SandboxResponse {
  switch (status) {
    case 400:
    case 422:
      return recordInvalid({ email: [{ description: 'Email: is invalid', error: 'InvalidFormat' }] }, status);
    case 401:
      return unauthorized();
    case 403:
      return forbidden();
    case 404:
      return notFound();
    case 409:
      return conflict();
    case 429:
      return exportLimited(1);
    case 503:
      return unavailable();
  }
}

function objectName(object: string): ObjectName {
  if (object !== 'users' && object !== 'organizations' && object !== 'tickets') throw new Error(`the Zendesk sandbox has no object "${object}"`);
  return object;
}

export const SUITE_OPTIONS: ZendeskSandboxOptions = { exportDelayMs: 0, jobDelayMs: 150, rateLimit: { exportsPerMinute: 10_000, deletedTicketsPerMinute: 10_000, perMinute: 100_000 } };

export async function zendeskConformanceSandbox(options: ZendeskSandboxOptions = SUITE_OPTIONS): Promise<ConformanceSandbox> {
  const sandbox = await startZendeskSandbox(options);
  return {
    baseUrl: sandbox.baseUrl,
    server: sandbox.server as SandboxServer<unknown>,
    authMethodId: 'api_token',
    credentials: { email: sandbox.email, apiToken: sandbox.apiToken },
    config: { subdomain: SUBDOMAIN },
    seed: (object, count) => void sandbox.seed(objectName(object), count),
    liveIds: (object) => sandbox.store.liveIds(objectName(object)),
    touch: (object, id) => sandbox.touch(objectName(object), id),
    remove: (object, id) => sandbox.remove(objectName(object), id),
    revokeCredentials: () => sandbox.revoke(),
    errorResponse: zendeskErrorResponse,
    stop: () => sandbox.stop(),
  };
}

/** `forge sandbox zendesk`: a small seeded account, its owner's API token and an OAuth token. */
export const zendeskSandboxFactory: SandboxFactory = async ({ port }) => {
  const sandbox = await startZendeskSandbox({ port, seed: { organizations: 10, users: 25, tickets: 40 } });
  return {
    baseUrl: sandbox.baseUrl,
    credentials: { email: sandbox.email, apiToken: sandbox.apiToken, accessToken: sandbox.oauthToken },
    config: { subdomain: SUBDOMAIN },
    stop: () => sandbox.stop(),
  };
};
