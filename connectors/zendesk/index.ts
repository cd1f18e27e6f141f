/**
 * The Zendesk connector's public face: its definition (registered by the catalogue) and its
 * sandbox, for tests, benchmarks and the demo workspace.
 */
export { zendeskDefinition } from './definition.js';
export { startZendeskSandbox, zendeskConformanceSandbox, zendeskSandboxFactory, type ZendeskSandbox, type ZendeskSandboxOptions } from './sandbox/index.js';
