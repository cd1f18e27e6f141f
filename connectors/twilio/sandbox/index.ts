/**
 * The Twilio sandbox's public face: start it, point the messaging conformance suite at it, or
 * run it with `forge sandbox twilio`. README.md in the connector folder lists what it leaves out.
 */
export { startTwilioSandbox, TEST_FROM, type TwilioSandbox, type TwilioSandboxOptions } from './server.js';
export { twilioErrorResponse, twilioMessagingSandbox, twilioSandboxFactory } from './conformance.js';
export { MessageFormValidator, type Problem } from './validate.js';
export { extractRequestSpec, loadRequestSpec, SPEC_FILE, VENDORED_SPEC, type RequestSpec } from './spec.js';
export { segments, type StoredMessage } from './store.js';
export type { Principal } from './auth.js';
