/**
 * The Zendesk sandbox's public face: start it, point the conformance suites at it, or run it
 * with `forge sandbox zendesk`. README.md in the connector folder lists what it leaves out.
 */
export { startZendeskSandbox, type ZendeskSandbox, type ZendeskSandboxOptions } from './server.js';
export { SUBDOMAIN, SUITE_OPTIONS, zendeskConformanceSandbox, zendeskErrorResponse, zendeskSandboxFactory } from './conformance.js';
export { EXPORTS_PER_MINUTE, type LimitOptions } from './limits.js';
export { SEED_SPACING_MS } from './seed.js';
export type { Principal } from './auth.js';
export type { ObjectName, ZendeskStore } from './store.js';
