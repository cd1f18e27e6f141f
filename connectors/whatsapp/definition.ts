/**
 * WhatsApp Business Platform, Cloud API (Graph API v23.0): text and template messages sent from
 * one business phone number. Data first; the message shape, the error body and the connection
 * check live in the files this one imports.
 */
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';
import { parseGraphError } from './errors.js';
import { whatsappGuide } from './guide.js';
import { testWhatsAppConnection } from './health.js';
import { DEFAULT_API_VERSION } from './paths.js';
import { sendWhatsApp } from './send.js';

/** Started on demand, so loading the catalogue does not load the sandbox (and its spec). */
const sandbox: SandboxFactory = async (options) => (await import('./sandbox/index.js')).whatsappSandboxFactory(options);

export const whatsappDefinition: ConnectorDefinitionInput = {
  id: 'whatsapp',
  name: 'WhatsApp Business (Cloud API)',
  version: '1.0.0',
  category: 'messaging',
  docsUrl: 'https://developers.facebook.com/docs/whatsapp/cloud-api/reference/messages',
  description: 'Sends WhatsApp text and template messages from a business phone number through Meta\'s Cloud API.',
  auth: [{
    id: 'system_user_token', type: 'bearer', label: 'System user access token',
    fields: [{ name: 'accessToken', label: 'Access token', type: 'password', secret: true, required: true, help: 'A system user token with whatsapp_business_messaging.' }],
  }],
  connection: [
    { name: 'phoneNumberId', label: 'Phone number ID', type: 'text', required: true, pattern: '^\\d+$', placeholder: '106540352242922', help: 'WhatsApp → API Setup in your app: the id, not the number.' },
    { name: 'apiVersion', label: 'Graph API version', type: 'text', default: DEFAULT_API_VERSION, pattern: '^v\\d+\\.\\d+$' },
  ],
  allowedDomains: ['graph.facebook.com'],
  baseUrl: 'https://graph.facebook.com',
  // Meta's default throughput per business phone number (80 messages a second).
  rateLimit: { requests: 80, windowMs: 1000, scope: 'connection' },
  errorParser: parseGraphError,
  messaging: { send: sendWhatsApp },
  testConnection: testWhatsAppConnection,
  healthCheck: testWhatsAppConnection,
  guide: whatsappGuide,
  sandbox,
};
