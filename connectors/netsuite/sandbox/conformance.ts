/**
 * The sandbox as the shared conformance suites and `forge sandbox netsuite` see it: the TBA
 * credentials, the connection fields, levers that act as the account's users, and NetSuite's own
 * error answers per status (NetSuite answers validation errors with 400, never 422; that body is
 * in its format all the same, for the suites).
 */
import type { SandboxFactory } from '../../../src/cli/sandbox.js';
import type { SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import type { ConformanceSandbox } from '../../../test/conformance/types.js';
import { accountHostOf } from '../auth.js';
import { concurrencyLimited, forbidden, invalidField, invalidLogin, notFound, nsError, unavailable } from './errors.js';
import { recordTypeOf, type RecordType } from './schema.js';
import { startNetsuiteSandbox, type NetsuiteSandbox, type NetsuiteSandboxOptions } from './server.js';

type ErrorStatus = Parameters<ConformanceSandbox['errorResponse']>[0];

const BAD_QUERY = "Invalid search query. Detailed unprocessed description follows. Search error occurred: Field 'shoesize' for record 'contact' was not found. Reason: NOT_EXPOSED - Not available for channel SEARCH";

/** What NetSuite answers for each status a client must handle. */
export function netsuiteErrorResponse(status: ErrorStatus): SandboxResponse {
  switch (status) {
    case 400: return nsError(400, [{ detail: BAD_QUERY, 'o:errorCode': 'INVALID_PARAMETER' }]);
    case 422: return nsError(422, [invalidField('email', 'not-an-email')]);
    case 401: return invalidLogin();
    case 403: return forbidden();
    case 404: return notFound();
    case 409: return nsError(409, [{ detail: 'Error while accessing resource: A customer record with this External ID (CRM-7) already exists.', 'o:errorCode': 'USER_ERROR' }]);
    case 429: return concurrencyLimited(5);
    case 503: return unavailable();
  }
}

export function recordTypeFor(object: string): RecordType {
  const type = recordTypeOf(object);
  if (!type) throw new Error(`the NetSuite sandbox has no object "${object}"`);
  return type;
}

/** The connection as a stored one would be: account id (realm), its REST domain, a subsidiary. */
export function connectionConfig(sandbox: Pick<NetsuiteSandbox, 'accountId'>): Record<string, unknown> {
  return { accountId: sandbox.accountId, accountHost: accountHostOf(sandbox.accountId), subsidiaryId: '1' };
}

export function tbaSecrets(sandbox: Pick<NetsuiteSandbox, 'credentials'>): Record<string, string> {
  const { consumerKey, consumerSecret, tokenId, tokenSecret } = sandbox.credentials;
  return { consumerKey, consumerSecret, tokenId, tokenSecret };
}

export function asConformance(sandbox: NetsuiteSandbox): ConformanceSandbox {
  return {
    baseUrl: sandbox.baseUrl,
    server: sandbox.server as SandboxServer<unknown>,
    authMethodId: 'tba',
    credentials: tbaSecrets(sandbox),
    config: connectionConfig(sandbox),
    seed: (object, count) => void sandbox.seed(recordTypeFor(object), count),
    liveIds: (object) => sandbox.store.liveIds(recordTypeFor(object)),
    touch: (object, id) => sandbox.touch(recordTypeFor(object), id),
    remove: (object, id) => sandbox.remove(recordTypeFor(object), id),
    revokeCredentials: () => sandbox.revoke(),
    errorResponse: netsuiteErrorResponse,
    stop: () => sandbox.stop(),
  };
}

export async function netsuiteConformanceSandbox(options: NetsuiteSandboxOptions = {}): Promise<ConformanceSandbox> {
  return asConformance(await startNetsuiteSandbox(options));
}

/** `forge sandbox netsuite`: a small seeded account, its four TBA credentials and connection fields. */
export const netsuiteSandboxFactory: SandboxFactory = async ({ port }) => {
  const sandbox = await startNetsuiteSandbox({ port, seed: { customer: 10, contact: 25, phonecall: 20 }, concurrency: { processingMs: 20 } });
  return { baseUrl: sandbox.baseUrl, credentials: tbaSecrets(sandbox), config: connectionConfig(sandbox), stop: () => sandbox.stop() };
};
