/**
 * The HubSpot connector's public face: its definition (registered by the catalogue) and its
 * sandbox, for tests, benchmarks and the demo workspace.
 */
export { hubspotDefinition } from './definition.js';
export { hubspotConformanceSandbox, hubspotSandboxFactory, startHubspotSandbox, type HubspotSandbox, type HubspotSandboxOptions } from './sandbox/index.js';
