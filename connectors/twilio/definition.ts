/**
 * Twilio Programmable Messaging: SMS, MMS and WhatsApp messages through the 2010-04-01 REST API
 * (`POST /2010-04-01/Accounts/{AccountSid}/Messages.json`). Data first; auth, the form, the
 * error codes and the connection check live in the files this one imports.
 */
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';
import { apiKeyMethod, authTokenMethod } from './auth.js';
import { parseTwilioError } from './errors.js';
import { twilioGuide } from './guide.js';
import { testTwilioConnection } from './health.js';
import { sendTwilio } from './send.js';

/** Started on demand, so loading the catalogue does not load the sandbox (and its spec). */
const sandbox: SandboxFactory = async (options) => (await import('./sandbox/index.js')).twilioSandboxFactory(options);

export const twilioDefinition: ConnectorDefinitionInput = {
  id: 'twilio',
  name: 'Twilio Messaging',
  version: '1.0.0',
  category: 'messaging',
  docsUrl: 'https://www.twilio.com/docs/messaging/api/message-resource',
  description: 'Sends SMS, MMS and WhatsApp messages through Twilio\'s Programmable Messaging API.',
  auth: [authTokenMethod, apiKeyMethod],
  connection: [
    { name: 'accountSid', label: 'Account SID', type: 'text', required: true, pattern: '^AC[0-9a-fA-F]{32}$', placeholder: 'AC…' },
    { name: 'from', label: 'Default From', type: 'text', placeholder: '+14155550123', help: 'A Twilio number (E.164), short code, alphanumeric sender ID or whatsapp:+… sender.' },
    { name: 'messagingServiceSid', label: 'Default Messaging Service SID', type: 'text', pattern: '^MG[0-9a-fA-F]{32}$', placeholder: 'MG…' },
  ],
  allowedDomains: ['api.twilio.com'],
  baseUrl: 'https://api.twilio.com',
  errorParser: parseTwilioError,
  messaging: { send: sendTwilio },
  testConnection: testTwilioConnection,
  healthCheck: testTwilioConnection,
  guide: twilioGuide,
  sandbox,
};
