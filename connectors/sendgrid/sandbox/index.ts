/**
 * The SendGrid sandbox's public face: start it, point the messaging conformance suite at it, or
 * run it with `forge sandbox sendgrid`. README.md in the connector folder lists what it leaves out.
 */
export { DEFAULT_SENDER, startSendGridSandbox, type SendGridSandbox, type SendGridSandboxOptions } from './server.js';
export { sendgridErrorResponse, sendgridMessagingSandbox, sendgridSandboxFactory } from './conformance.js';
export { MailSendValidator, help, type MailError } from './validate.js';
export { extractRequestSpec, loadRequestSpec, SPEC_FILE, VENDORED_SPEC, type RequestSpec } from './spec.js';
export type { AcceptedMail } from './store.js';
export type { Principal } from './auth.js';
