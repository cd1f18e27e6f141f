/**
 * Microsoft Teams incoming webhooks: post-only messaging into the one channel a webhook was made
 * for. The webhook URL is the credential; it must be on *.webhook.office.com (see url.ts).
 */
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';
import { classifyTeamsWebhookOutcome, parseTeamsWebhookError } from './errors.js';
import { probeTeamsWebhook, sendTeamsWebhook } from './send.js';

const sandbox: SandboxFactory = async (options) => (await import('./sandbox.js')).teamsWebhookSandboxFactory(options);

export const teamsWebhookDefinition: ConnectorDefinitionInput = {
  id: 'teams-webhook',
  name: 'Microsoft Teams (incoming webhook)',
  version: '1.0.0',
  category: 'messaging',
  docsUrl: 'https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
  description: 'Posts cards or text into one Teams channel through an incoming webhook. Post only: no edits, deletes or capture.',
  auth: [{
    id: 'webhook', type: 'none', label: 'Incoming webhook URL',
    fields: [{ name: 'webhookUrl', label: 'Webhook URL', type: 'password', secret: true, required: true, placeholder: 'https://contoso.webhook.office.com/webhookb2/…', pattern: '^https://[a-z0-9-]+\\.webhook\\.office\\.com/webhookb2/' }],
  }],
  allowedDomains: ['*.webhook.office.com'],
  // Not used for posting (the host is the tenant's, see url.ts); the family's own host.
  baseUrl: 'https://outlook.webhook.office.com',
  // Connectors allow about 4 requests a second each (learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using#rate-limiting-for-connectors).
  rateLimit: { requests: 4, windowMs: 1000, scope: 'connection' },
  errorParser: parseTeamsWebhookError,
  classifyOutcome: classifyTeamsWebhookOutcome,
  objects: [],
  messaging: { send: sendTeamsWebhook },
  testConnection: probeTeamsWebhook,
  guide: {
    steps: [
      'In Teams, open the channel → ⋯ → Manage channel → Connectors (or Workflows), add "Incoming Webhook", name it and copy the URL.',
      'Paste it into "Webhook URL" (https://….webhook.office.com/webhookb2/…). Treat it as a password: anyone with it can post.',
      'Microsoft is retiring Office 365 connectors in favour of Workflows; Workflows URLs are not on webhook.office.com and are not accepted here.',
    ],
    limits: 'About 4 requests per second per webhook; messages cannot be edited or deleted through a webhook.',
  },
  sandbox,
};
