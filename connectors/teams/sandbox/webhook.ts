/**
 * Teams incoming webhooks (Office 365 connectors; learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook):
 * `POST https://{tenant}.webhook.office.com/webhookb2/{group}@{tenant}/IncomingWebhook/{id}/{owner}`
 * with a MessageCard (`text` or `summary` required) or a message with Adaptive Card attachments.
 * Success is HTTP 200 with the body `1`; errors are plain text ("Summary or Text is required.",
 * "Bad payload received by generic incoming webhook."). The card lands in the webhook's channel.
 */
import type { SandboxServer } from '../../../src/sandbox/index.js';
import type { GraphPrincipal } from './identity.js';
import type { Tenant, TeamsChannel } from './tenant.js';

export interface TeamsWebhook {
  group: string;
  hook: string;
  owner: string;
  channel: TeamsChannel;
  appId: string;
}

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const text = (status: number, body: string) => ({ status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body });

function cardText(payload: Record<string, unknown>): string | undefined {
  if (payload.type === 'message' && Array.isArray(payload.attachments) && payload.attachments.length > 0) return '[Adaptive Card]';
  const value = typeof payload.text === 'string' && payload.text ? payload.text : typeof payload.summary === 'string' && payload.summary ? payload.summary : undefined;
  return value;
}

export function registerWebhook(server: SandboxServer<GraphPrincipal>, tenant: Tenant, hooks: TeamsWebhook[]): void {
  server.route('POST', '/webhookb2/:group/IncomingWebhook/:hook/:owner', { auth: false }, (req) => {
    const hook = hooks.find((h) => h.group === req.params.group && h.hook === req.params.hook && h.owner === req.params.owner);
    if (!hook) return text(404, 'Webhook not found.');
    let payload: unknown;
    try {
      payload = JSON.parse(req.rawBody.toString('utf8'));
    } catch {
      return text(400, 'Bad payload received by generic incoming webhook.');
    }
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return text(400, 'Bad payload received by generic incoming webhook.');
    const shown = cardText(payload as Record<string, unknown>);
    if (!shown) return text(400, 'Summary or Text is required.');
    const message = tenant.post(hook.channel, { application: { id: hook.appId, displayName: 'Incoming Webhook', applicationIdentityType: 'bot' } }, { contentType: 'html', content: `<p>${escape(shown)}</p>` }, null);
    const card = payload as Record<string, unknown>;
    const stored = hook.channel.messages.get(message.id)!;
    stored.attachments = [{ id: message.id, contentType: card.type === 'message' ? 'application/vnd.microsoft.card.adaptive' : 'application/vnd.microsoft.teams.card.o365connector', content: JSON.stringify(card) }];
    return text(200, '1');
  });
}
