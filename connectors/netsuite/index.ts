/**
 * The NetSuite connector's public face: its definition (registered by the catalogue), the
 * external-id upsert for callers that want it, and the sandbox for tests and the demo workspace.
 */
export { netsuiteDefinition } from './definition.js';
export { accountHostOf } from './auth.js';
export { upsertByExternalId, type UpsertOutcome } from './destination/upsert.js';
export { CONTACT, CUSTOMER, PHONECALL, type NsObject } from './objects.js';
export { netsuiteConformanceSandbox, netsuiteSandboxFactory, startNetsuiteSandbox, type NetsuiteSandbox, type NetsuiteSandboxOptions } from './sandbox/index.js';
