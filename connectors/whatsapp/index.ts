/**
 * The WhatsApp connector's public face: its definition (registered by the catalogue) and its
 * sandbox, for tests, benchmarks and the demo workspace.
 */
export { whatsappDefinition } from './definition.js';
export { startWhatsAppSandbox, whatsappSandboxFactory, whatsappMessagingSandbox, type WhatsAppSandbox, type WhatsAppSandboxOptions } from './sandbox/index.js';
