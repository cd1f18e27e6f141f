/**
 * The SendGrid connector's public face: its definition (registered by the catalogue) and its
 * sandbox, for tests, benchmarks and the demo workspace.
 */
export { sendgridDefinition } from './definition.js';
export { startSendGridSandbox, sendgridSandboxFactory, sendgridMessagingSandbox, type SendGridSandbox, type SendGridSandboxOptions } from './sandbox/index.js';
