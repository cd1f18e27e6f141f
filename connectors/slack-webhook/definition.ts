/**
 * Slack incoming webhooks: post-only messaging into the one channel a webhook was made for.
 * The webhook URL is the credential; it must be on hooks.slack.com (see url.ts).
 */
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';
import { parseWebhookError } from './errors.js';
import { probeWebhook, sendWebhookMessage } from './send.js';

const sandbox: SandboxFactory = async (options) => (await import('./sandbox.js')).slackWebhookSandboxFactory(options);

export const slackWebhookDefinition: ConnectorDefinitionInput = {
  id: 'slack-webhook',
  name: 'Slack (incoming webhook)',
  version: '1.0.0',
  category: 'messaging',
  docsUrl: 'https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks/',
  description: 'Posts messages into one Slack channel through an incoming webhook. Post only: no edits, deletes or capture.',
  auth: [{
    id: 'webhook', type: 'none', label: 'Incoming webhook URL',
    fields: [{ name: 'webhookUrl', label: 'Webhook URL', type: 'password', secret: true, required: true, placeholder: 'https://hooks.slack.com/services/T…/B…/…', pattern: '^https://hooks\\.slack\\.com/services/' }],
  }],
  allowedDomains: ['hooks.slack.com'],
  baseUrl: 'https://hooks.slack.com',
  // Incoming webhooks allow about one message per second (docs.slack.dev/apis/web-api/rate-limits).
  rateLimit: { requests: 1, windowMs: 1000, scope: 'connection' },
  errorParser: parseWebhookError,
  objects: [],
  messaging: { send: sendWebhookMessage },
  testConnection: probeWebhook,
  guide: {
    steps: [
      'At api.slack.com/apps, open (or create) your app, turn on Incoming Webhooks, and click "Add New Webhook to Workspace".',
      'Pick the channel the messages should go to, then copy the webhook URL (https://hooks.slack.com/services/…) into "Webhook URL". Treat it as a password: anyone with it can post.',
    ],
    limits: 'About one message per second per webhook; messages can be edited or deleted only through the Web API connector, not through a webhook.',
  },
  sandbox,
};
