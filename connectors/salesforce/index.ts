/**
 * The Salesforce connector's public face: its definition (registered by the catalogue), the
 * external-id upsert for callers that want it, and the sandbox for tests and the demo workspace.
 */
export { salesforceDefinition } from './definition.js';
export { upsertByExternalId, type UpsertOutcome } from './upsert.js';
export { ACCOUNT, CONTACT, TASK, type SObject } from './objects.js';
export { salesforceConformanceSandbox, salesforceSandboxFactory, startSalesforceSandbox, type SalesforceSandbox, type SalesforceSandboxOptions } from './sandbox/index.js';
