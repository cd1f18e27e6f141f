/**
 * Twilio SendGrid, v3 Mail Send: transactional email. Data first; the mail shape, the error
 * body and the connection check live in the files this one imports.
 */
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';
import { parseSendGridError } from './errors.js';
import { sendgridGuide } from './guide.js';
import { testSendGridConnection } from './health.js';
import { sendSendGrid } from './send.js';

/** Started on demand, so loading the catalogue does not load the sandbox (and its spec). */
const sandbox: SandboxFactory = async (options) => (await import('./sandbox/index.js')).sendgridSandboxFactory(options);

export const sendgridDefinition: ConnectorDefinitionInput = {
  id: 'sendgrid',
  name: 'Twilio SendGrid',
  version: '1.0.0',
  category: 'email',
  docsUrl: 'https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send',
  description: 'Sends transactional email through SendGrid\'s v3 Mail Send API.',
  auth: [{
    id: 'api_key', type: 'api_key', label: 'API key', placement: { in: 'header', name: 'Authorization', prefix: 'Bearer ' },
    fields: [{ name: 'apiKey', label: 'API key', type: 'password', secret: true, required: true, pattern: '^SG\\.', placeholder: 'SG.…', help: 'A restricted key with Mail Send access.' }],
  }],
  connection: [
    {
      name: 'apiHost', label: 'Region', type: 'select', required: true, default: 'api.sendgrid.com',
      options: [{ value: 'api.sendgrid.com', label: 'Global (api.sendgrid.com)' }, { value: 'api.eu.sendgrid.com', label: 'EU data residency (api.eu.sendgrid.com)' }],
    },
    { name: 'fromEmail', label: 'Default From address', type: 'text', placeholder: 'alerts@example.com', help: 'A verified Sender Identity.' },
    { name: 'fromName', label: 'Default From name', type: 'text' },
  ],
  allowedDomains: ['api.sendgrid.com', 'api.eu.sendgrid.com'],
  baseUrl: 'https://{apiHost}',
  // Every answer carries X-RateLimit-Reset as epoch seconds: the wait after a 429.
  resetHeader: { name: 'x-ratelimit-reset', unit: 'epoch_seconds' },
  errorParser: parseSendGridError,
  messaging: { send: sendSendGrid },
  testConnection: testSendGridConnection,
  healthCheck: testSendGridConnection,
  guide: sendgridGuide,
  sandbox,
};
