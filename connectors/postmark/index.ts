/**
 * The Postmark connector's public face: its definition (registered by the catalogue) and its
 * sandbox, for tests, benchmarks and the demo workspace.
 */
export { postmarkDefinition } from './definition.js';
export { startPostmarkSandbox, postmarkSandboxFactory, postmarkMessagingSandbox, type PostmarkSandbox, type PostmarkSandboxOptions } from './sandbox/index.js';
