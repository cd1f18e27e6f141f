/**
 * The Twilio connector's public face: its definition (registered by the catalogue) and its
 * sandbox, for tests, benchmarks and the demo workspace.
 */
export { twilioDefinition } from './definition.js';
export { startTwilioSandbox, twilioSandboxFactory, twilioMessagingSandbox, type TwilioSandbox, type TwilioSandboxOptions } from './sandbox/index.js';
