/**
 * The NetSuite sandbox's public face: start it, point the conformance suites at it, or run it
 * with `forge sandbox netsuite`. The connector's README lists what it leaves out.
 */
export { startNetsuiteSandbox, type NetsuiteSandbox, type NetsuiteSandboxOptions } from './server.js';
export { asConformance, connectionConfig, netsuiteConformanceSandbox, netsuiteErrorResponse, netsuiteSandboxFactory, recordTypeFor, tbaSecrets } from './conformance.js';
export { ConcurrencyGate, type ConcurrencyOptions } from './concurrency.js';
export { TIMESTAMP_WINDOW_S, TokenBook, type AuditEntry, type Principal, type TbaCredentials } from './tba.js';
export { SEED_SPACING_MS } from './seed.js';
export type { NetsuiteStore } from './store.js';
export type { RecordType } from './schema.js';
