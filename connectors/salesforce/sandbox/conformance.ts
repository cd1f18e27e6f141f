/**
 * The sandbox as the shared conformance suites and `forge sandbox salesforce` see it: the web
 * server flow's access token, levers that act as the org's users, and Salesforce's own error
 * answers per status (429 and 422 Salesforce's REST API does not send; their bodies are in its
 * format all the same, for the suites).
 */
import type { SandboxFactory } from '../../../src/cli/sandbox.js';
import type { SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import type { ConformanceSandbox } from '../../../test/conformance/types.js';
import { errorItems, limitExceededBody, sessionInvalidBody } from './errors.js';
import { sobjectTypeOf, type SObjectType } from './schema.js';
import { startSalesforceSandbox, type SalesforceSandboxOptions } from './server.js';

type ErrorStatus = Parameters<ConformanceSandbox['errorResponse']>[0];

const INVALID_COLUMN = "\nSELECT Id, Shoe_Size__c FROM Contact\n           ^\nERROR at Row:1:Column:12\nNo such column 'Shoe_Size__c' on entity 'Contact'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";

/** What Salesforce answers for each status a client must handle. */
export function salesforceErrorResponse(status: ErrorStatus): SandboxResponse {
  const usage = { 'sforce-limit-info': 'api-usage=118/15000' };
  switch (status) {
    case 400: return { status, headers: usage, body: errorItems('INVALID_FIELD', INVALID_COLUMN) };
    case 422: return { status, headers: usage, body: errorItems('REQUIRED_FIELD_MISSING', 'Required fields are missing: [LastName]', ['LastName']) };
    case 401: return { status, body: sessionInvalidBody() };
    case 403: return { status, headers: usage, body: errorItems('API_DISABLED_FOR_ORG', 'The REST API is not enabled for this Organization.') };
    case 404: return { status, headers: usage, body: errorItems('NOT_FOUND', 'The requested resource does not exist') };
    case 409: return { status, headers: usage, body: errorItems('DUPLICATE_VALUE', 'duplicate value found: External_Id__c duplicates value on record with id: 0015g00000AbCdEFGH', ['External_Id__c']) };
    case 429: return { status, headers: usage, body: limitExceededBody() };
    case 503: return { status, body: errorItems('SERVER_UNAVAILABLE', 'Server is temporarily unavailable due to scheduled maintenance. Please try again later.') };
  }
}

/** The platform's object names (`contact`) as sObject types (`Contact`). */
export function sobjectOf(object: string): SObjectType {
  const type = sobjectTypeOf(object);
  if (!type) throw new Error(`the Salesforce sandbox has no object "${object}"`);
  return type;
}

export async function salesforceConformanceSandbox(options: SalesforceSandboxOptions = {}): Promise<ConformanceSandbox> {
  const sandbox = await startSalesforceSandbox(options);
  return {
    baseUrl: sandbox.baseUrl,
    server: sandbox.server as SandboxServer<unknown>,
    authMethodId: 'oauth',
    credentials: { accessToken: sandbox.accessToken },
    config: { myDomain: 'forgeworks-sandbox', loginUrl: 'https://login.salesforce.com' },
    seed: (object, count) => void sandbox.seed(sobjectOf(object), count),
    liveIds: (object) => sandbox.store.liveIds(sobjectOf(object)),
    touch: (object, id) => void sandbox.touch(sobjectOf(object), id),
    remove: (object, id) => sandbox.remove(sobjectOf(object), id),
    revokeCredentials: () => sandbox.revoke(),
    errorResponse: salesforceErrorResponse,
    stop: () => sandbox.stop(),
  };
}

/** `forge sandbox salesforce`: a small seeded org, its session and connected app printed. */
export const salesforceSandboxFactory: SandboxFactory = async ({ port }) => {
  const sandbox = await startSalesforceSandbox({ port, seed: { Account: 10, Contact: 25, Task: 20 } });
  return {
    baseUrl: sandbox.baseUrl,
    credentials: { accessToken: sandbox.accessToken, clientId: sandbox.app.clientId, clientSecret: sandbox.app.clientSecret, username: sandbox.app.username },
    config: { myDomain: 'forgeworks-sandbox' },
    stop: () => sandbox.stop(),
  };
};
