/** The Slack incoming-webhook connector's public face. */
export { slackWebhookDefinition } from './definition.js';
export { webhookPath, WEBHOOK_HOST } from './url.js';
