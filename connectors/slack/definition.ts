/**
 * Slack: post, edit and delete messages with a bot token through the Web API, and capture
 * messages through the Events API (signed with the app's signing secret). Data first; the
 * quirks (HTTP 200 errors, metadata markers, signatures) live in the files imported here.
 */
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import type { ConnectorDefinitionInput } from '../../src/registry/index.js';
import { captureSlackEvent } from './capture.js';
import { classifySlackOutcome, parseSlackError } from './errors.js';
import { fetchSlackMessage } from './fetch.js';
import { slackGuide } from './guide.js';
import { testSlackConnection } from './health.js';
import { deleteSlackMessage, sendSlackMessage, updateSlackMessage } from './messages.js';

/** Started on demand, so loading the catalogue does not load the sandbox. */
const sandbox: SandboxFactory = async (options) => (await import('./sandbox/factory.js')).slackSandboxFactory(options);

export const slackDefinition: ConnectorDefinitionInput = {
  id: 'slack',
  name: 'Slack',
  version: '1.0.0',
  category: 'messaging',
  docsUrl: 'https://docs.slack.dev/apis/web-api/',
  description: 'Posts, edits and deletes channel messages as a bot, and captures messages from the Events API (signature-checked).',
  auth: [{
    // The bearer strategy sends the first secret field, the bot token; the signing secret is only read by capture.
    id: 'bot_token', type: 'bearer', label: 'Bot token and signing secret',
    fields: [
      { name: 'botToken', label: 'Bot token', type: 'password', secret: true, required: true, placeholder: 'xoxb-…', pattern: '^xoxb-[A-Za-z0-9-]+$' },
      { name: 'signingSecret', label: 'Signing secret', type: 'password', secret: true, required: true, pattern: '^[0-9a-f]{32}$', help: 'Basic Information → App Credentials → Signing Secret.' },
    ],
  }],
  connection: [
    { name: 'botId', label: 'Bot id', type: 'text', pattern: '^B[A-Z0-9]{8,}$', help: 'The bot id (B…) that "Test connection" names; lets Forgeworks tell its own posts from other apps\'.' },
  ],
  allowedDomains: ['slack.com'],
  baseUrl: 'https://slack.com',
  // Tier 3 (50+ a minute) binds chat.update, chat.delete and the history reads; posting is about
  // one a second per channel, which one bucket per connection cannot express (Slack's 429 says so).
  rateLimit: { requests: 50, windowMs: 60_000, scope: 'connection' },
  errorParser: parseSlackError,
  classifyOutcome: classifySlackOutcome,
  objects: [],
  messaging: {
    send: sendSlackMessage,
    update: updateSlackMessage,
    delete: deleteSlackMessage,
    fetch: fetchSlackMessage,
    capture: captureSlackEvent,
  },
  testConnection: testSlackConnection,
  healthCheck: testSlackConnection,
  guide: slackGuide,
  sandbox,
};
