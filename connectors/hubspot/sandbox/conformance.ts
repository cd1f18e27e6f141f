/**
 * The sandbox as the shared conformance suites and `forge sandbox hubspot` see it: credentials
 * of the private app method, vendor-side levers, and HubSpot's own error answers per status.
 */
import type { SandboxFactory } from '../../../src/cli/sandbox.js';
import type { SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import type { ConformanceSandbox } from '../../../test/conformance/types.js';
import { conflictMessage, errorBody, missingScopesBody, tenSecondlyBody, unauthorizedBody, validationBody } from './errors.js';
import type { ObjectType } from './objects.js';
import { startHubspotSandbox, type HubspotSandboxOptions } from './server.js';

type ErrorStatus = Parameters<ConformanceSandbox['errorResponse']>[0];

/** What HubSpot answers for each status a client must handle. */
export function hubspotErrorResponse(status: ErrorStatus): SandboxResponse {
  switch (status) {
    case 400:
    case 422:
      return { status, body: validationBody([{ name: 'email', error: 'INVALID_EMAIL', message: 'Email address not-an-email is invalid' }]) };
    case 401:
      return { status, body: unauthorizedBody() };
    case 403:
      return { status, body: missingScopesBody('crm.objects.contacts.read') };
    case 404:
      return { status, body: errorBody('OBJECT_NOT_FOUND', 'resource not found') };
    case 409:
      return { status, body: errorBody('CONFLICT', conflictMessage('1001')) };
    case 429:
      return {
        status, body: tenSecondlyBody(),
        headers: { 'x-hubspot-ratelimit-max': '100', 'x-hubspot-ratelimit-remaining': '0', 'x-hubspot-ratelimit-interval-milliseconds': '10000', 'x-hubspot-ratelimit-daily': '250000', 'x-hubspot-ratelimit-daily-remaining': '249000' },
      };
    case 503:
      return { status, body: { status: 'error', message: 'Service Unavailable', correlationId: '5e4c3b2a-1f0e-4d9c-8b7a-6a5b4c3d2e1f' } };
  }
}

export async function hubspotConformanceSandbox(options: HubspotSandboxOptions = {}): Promise<ConformanceSandbox> {
  const sandbox = await startHubspotSandbox(options);
  return {
    baseUrl: sandbox.baseUrl,
    server: sandbox.server as SandboxServer<unknown>,
    authMethodId: 'private_app',
    credentials: { token: sandbox.token },
    config: {},
    seed: (object, count) => void sandbox.seed(object as ObjectType, count),
    liveIds: (object) => sandbox.store.liveIds(object as ObjectType),
    touch: (object, id) => void sandbox.touch(object as ObjectType, id),
    remove: (object, id) => sandbox.archive(object as ObjectType, id),
    revokeCredentials: () => sandbox.revoke(),
    errorResponse: hubspotErrorResponse,
    stop: () => sandbox.stop(),
  };
}

/** `forge sandbox hubspot`: a small seeded portal, its private app token and OAuth app printed. */
export const hubspotSandboxFactory: SandboxFactory = async ({ port }) => {
  const sandbox = await startHubspotSandbox({ port, seed: { contacts: 25, companies: 10, notes: 20 } });
  return {
    baseUrl: sandbox.baseUrl,
    credentials: { token: sandbox.token, clientId: sandbox.oauthClient.clientId, clientSecret: sandbox.oauthClient.clientSecret },
    stop: () => sandbox.stop(),
  };
};
