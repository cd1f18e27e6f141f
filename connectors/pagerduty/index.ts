/**
 * The PagerDuty connector's public face: its definition (registered by the catalogue) and its
 * sandbox, for tests, benchmarks and the demo workspace.
 */
export { pagerdutyDefinition } from './definition.js';
export { startPagerDutySandbox, pagerdutySandboxFactory, pagerdutyMessagingSandbox, type PagerDutySandbox, type PagerDutySandboxOptions } from './sandbox/index.js';
