/**
 * The WhatsApp sandbox's public face: start it, point the messaging conformance suite at it, or
 * run it with `forge sandbox whatsapp`. README.md in the connector folder lists what it leaves out.
 */
export { startWhatsAppSandbox, type WhatsAppSandbox, type WhatsAppSandboxOptions } from './server.js';
export { whatsappErrorResponse, whatsappMessagingSandbox, whatsappSandboxFactory } from './conformance.js';
export { MessageValidator, type Problem } from './validate.js';
export { extractRequestSpec, loadRequestSpec, SPEC_FILE, VENDORED_SPEC, type RequestSpec } from './spec.js';
export { parseYaml } from './yaml.js';
export type { SentMessage, Template } from './store.js';
export type { LimitOptions } from './limits.js';
