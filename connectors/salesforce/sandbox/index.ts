/**
 * The Salesforce sandbox's public face: start it, point the conformance suites at it, or run it
 * with `forge sandbox salesforce`.
 */
export { startSalesforceSandbox, type SalesforceSandbox, type SalesforceSandboxOptions } from './server.js';
export { salesforceConformanceSandbox, salesforceErrorResponse, salesforceSandboxFactory, sobjectOf } from './conformance.js';
export { sfDatetime, type SalesforceStore, type SfEntry } from './store.js';
export type { SObjectType } from './schema.js';
export type { Principal } from './principal.js';
