/**
 * Postmark: transactional email through the Email API, on a message stream chosen per
 * connection. Data first; the token is the platform's api_key strategy with Postmark's own
 * header name; the email shape, the error body and the connection check live in the files this
 * one imports.
 */
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';
import { DEFAULT_STREAM } from './email.js';
import { classifyPostmarkOutcome, parsePostmarkError } from './errors.js';
import { postmarkGuide } from './guide.js';
import { testPostmarkConnection } from './health.js';
import { sendPostmark } from './send.js';

/** Started on demand, so loading the catalogue does not load the sandbox. */
const sandbox: SandboxFactory = async (options) => (await import('./sandbox/index.js')).postmarkSandboxFactory(options);

export const postmarkDefinition: ConnectorDefinitionInput = {
  id: 'postmark',
  name: 'Postmark',
  version: '1.0.0',
  category: 'email',
  docsUrl: 'https://postmarkapp.com/developer/api/email-api',
  description: 'Sends transactional email through Postmark\'s Email API on a chosen message stream.',
  auth: [{
    id: 'server_token', type: 'api_key', label: 'Server API token', placement: { in: 'header', name: 'X-Postmark-Server-Token' },
    fields: [{ name: 'serverToken', label: 'Server API token', type: 'password', secret: true, required: true, help: 'Your server → API Tokens.' }],
  }],
  connection: [
    { name: 'messageStream', label: 'Message stream', type: 'text', default: DEFAULT_STREAM, pattern: '^[a-z0-9-]+$', help: 'The stream\'s ID: "outbound" is the default transactional stream.' },
    { name: 'fromEmail', label: 'Default From address', type: 'text', placeholder: 'alerts@example.com', help: 'A confirmed Sender Signature.' },
    { name: 'fromName', label: 'Default From name', type: 'text' },
  ],
  allowedDomains: ['api.postmarkapp.com'],
  baseUrl: 'https://api.postmarkapp.com',
  defaultHeaders: { Accept: 'application/json' },
  errorParser: parsePostmarkError,
  classifyOutcome: classifyPostmarkOutcome,
  messaging: { send: sendPostmark },
  testConnection: testPostmarkConnection,
  healthCheck: testPostmarkConnection,
  guide: postmarkGuide,
  sandbox,
};
