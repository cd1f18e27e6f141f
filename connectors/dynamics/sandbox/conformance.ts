/**
 * The sandbox as the shared conformance suites and `forge sandbox dynamics` see it: the app
 * registration's credentials and the environment's connection fields, levers that act as the
 * environment's users, and Dataverse's own error answers per status. Dataverse does not answer
 * 409 or 422: a duplicate key is its 412 body and a refused value its 400 body, sent with those
 * statuses for the suites all the same.
 */
import type { SandboxFactory } from '../../../src/cli/sandbox.js';
import type { SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import type { ConformanceSandbox } from '../../../test/conformance/types.js';
import { errorBody, ODATA_HEADERS, privilegeDenied, requestsLimited, tokenRefused } from './errors.js';
import { ENVIRONMENT_HOST, startDynamicsSandbox, type DynamicsSandboxOptions, type SetName } from './server.js';

type ErrorStatus = Parameters<ConformanceSandbox['errorResponse']>[0];

const TENANT_FOR_ERRORS = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** What Dataverse answers for each status a client must handle. */
export function dynamicsErrorResponse(status: ErrorStatus): SandboxResponse {
  const json = (code: string, message: string) => ({ status, headers: ODATA_HEADERS, body: errorBody(code, message) });
  switch (status) {
    case 400: return json('0x80060888', "Could not find a property named 'shoesize' on type 'Microsoft.Dynamics.CRM.contact'.");
    case 422: return json('0x80044331', "A validation error occurred.  The length of the 'lastname' attribute of the 'contact' entity exceeded the maximum allowed length of '50'.");
    case 401: return tokenRefused(TENANT_FOR_ERRORS, ENVIRONMENT_HOST);
    case 403: return { status, headers: ODATA_HEADERS, body: privilegeDenied('prvReadContact', 'b2f1c3d4-0000-4000-8000-000000000001') };
    case 404: return json('0x80040217', 'contact With Id = 7eb682f1-ca75-e511-80d4-00155d2a68d1 Does Not Exist');
    case 409: return json('0x80060892', 'A record with matching key values already exists.');
    case 429: return { ...requestsLimited(1, 6000, 300), status };
    case 503: return json('', 'The service is temporarily unavailable. Please try again later.');
  }
}

function setOf(object: string): SetName {
  if (object !== 'contacts' && object !== 'accounts' && object !== 'tasks') throw new Error(`the Dynamics sandbox has no object "${object}"`);
  return object;
}

export async function dynamicsConformanceSandbox(options: DynamicsSandboxOptions = {}): Promise<ConformanceSandbox> {
  const sandbox = await startDynamicsSandbox(options);
  return {
    baseUrl: sandbox.baseUrl,
    server: sandbox.server as unknown as SandboxServer<unknown>,
    authMethodId: 'client_credentials',
    credentials: { clientId: sandbox.app.clientId, clientSecret: sandbox.app.clientSecret },
    config: { ...sandbox.config },
    seed: (object, count) => void sandbox.seed(setOf(object), count),
    liveIds: (object) => sandbox.liveIds(setOf(object)),
    touch: (object, id) => sandbox.touch(setOf(object), id),
    remove: (object, id) => sandbox.remove(setOf(object), id),
    revokeCredentials: () => sandbox.revoke(),
    errorResponse: dynamicsErrorResponse,
    stop: () => sandbox.stop(),
  };
}

/** `forge sandbox dynamics`: a small seeded environment, its app registration printed. */
export const dynamicsSandboxFactory: SandboxFactory = async ({ port }) => {
  const sandbox = await startDynamicsSandbox({ port, seed: { accounts: 10, contacts: 25, tasks: 20 } });
  return {
    baseUrl: sandbox.baseUrl,
    credentials: { clientId: sandbox.app.clientId, clientSecret: sandbox.app.clientSecret },
    config: { ...sandbox.config },
    stop: () => sandbox.stop(),
  };
};
