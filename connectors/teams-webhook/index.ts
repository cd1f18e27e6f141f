/** The Teams incoming-webhook connector's public face. */
export { teamsWebhookDefinition } from './definition.js';
export { checkWebhookUrl, WEBHOOK_DOMAIN } from './url.js';
export { cardFor } from './send.js';
