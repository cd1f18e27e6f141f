/**
 * The Jira connector's public face: its definition (registered by the catalogue), the status
 * transition quirk, the ADF helpers, and its sandbox for tests, benchmarks and the demo.
 */
export { jiraDefinition } from './definition.js';
export { availableTransitions, transitionFor, transitionTo } from './transitions.js';
export { adfToText, textToAdf } from './adf.js';
export { jiraConformanceSandbox, jiraSandboxFactory, startJiraSandbox, type JiraSandbox, type JiraSandboxOptions } from './sandbox/index.js';
