/**
 * The Postmark sandbox's public face: start it, point the messaging conformance suite at it, or
 * run it with `forge sandbox postmark`. README.md in the connector folder lists what it leaves out.
 */
export { DEFAULT_SIGNATURE, startPostmarkSandbox, type PostmarkSandbox, type PostmarkSandboxOptions } from './server.js';
export { postmarkErrorResponse, postmarkMessagingSandbox, postmarkSandboxFactory } from './conformance.js';
export { addresses, emailProblem } from './validate.js';
export { TEST_TOKEN, type Principal } from './auth.js';
export type { SentEmail } from './store.js';
