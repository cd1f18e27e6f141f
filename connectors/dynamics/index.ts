/**
 * The Dynamics 365 connector's public face: its definition (registered by the catalogue) and its
 * sandbox, for tests, benchmarks and the demo workspace.
 */
export { dynamicsDefinition } from './definition.js';
export { ACCOUNTS, CONTACTS, TASKS, type DataverseEntity } from './entities.js';
export { dynamicsConformanceSandbox, dynamicsSandboxFactory, startDynamicsSandbox, type DynamicsSandbox, type DynamicsSandboxOptions } from './sandbox/index.js';
