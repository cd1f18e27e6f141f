/**
 * The HubSpot sandbox's public face: start it, point the conformance suites or the official SDK
 * at it, or run it with `forge sandbox hubspot`.
 */
export { startHubspotSandbox, type HubspotSandbox, type HubspotSandboxOptions } from './server.js';
export { hubspotConformanceSandbox, hubspotErrorResponse, hubspotSandboxFactory } from './conformance.js';
export { OBJECT_TYPES, SPECS, type ObjectType } from './objects.js';
export type { RateLimitOptions } from './rate-limits.js';
export type { Principal } from './tokens.js';
