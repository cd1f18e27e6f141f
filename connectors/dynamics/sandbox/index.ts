/**
 * The Dynamics 365 sandbox's public face: start it, point the conformance suites at it, or run
 * it with `forge sandbox dynamics`. README.md in the connector folder lists what it leaves out.
 */
export { ENVIRONMENT_HOST, startDynamicsSandbox, type DynamicsSandbox, type DynamicsSandboxOptions, type SetName } from './server.js';
export { dynamicsConformanceSandbox, dynamicsErrorResponse, dynamicsSandboxFactory } from './conformance.js';
export { TwoHostServer } from './hosts.js';
export type { AppRegistration } from './identity.js';
export type { Principal } from './principal.js';
export type { DataverseStore } from './store.js';
