/**
 * Incoming webhooks, `POST https://hooks.slack.com/services/T…/B…/<secret>`
 * (docs.slack.dev/messaging/sending-messages-using-incoming-webhooks): a JSON body (or a form with
 * `payload=`) with `text` and/or `blocks`, posted to the webhook's channel as a `bot_message`.
 * Answers are plain text: `ok`, or the error code (`invalid_payload`, `no_text` 400;
 * `invalid_token` 403; `no_service` 404; `channel_is_archived` 410).
 */
import type { SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import { webhookText } from './answers.js';
import type { SlackPrincipal } from './auth.js';
import type { Workspace } from './workspace.js';

export interface IncomingWebhook {
  teamId: string;
  botId: string;
  secret: string;
  channel: string;
  appId: string;
}

function payloadOf(rawBody: Buffer, contentType: string): Record<string, unknown> | undefined {
  const raw = rawBody.toString('utf8');
  const json = contentType.includes('application/x-www-form-urlencoded') ? new URLSearchParams(raw).get('payload') ?? '' : raw;
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}

export function registerWebhooks(server: SandboxServer<SlackPrincipal>, workspace: Workspace, hooks: IncomingWebhook[]): void {
  server.route('POST', '/services/:team/:bot/:secret', { auth: false }, (req): SandboxResponse => {
    const hook = hooks.find((h) => h.teamId === req.params.team && h.botId === req.params.bot);
    if (!hook) return webhookText(404, 'no_service');
    if (hook.secret !== req.params.secret) return webhookText(403, 'invalid_token');
    const payload = payloadOf(req.rawBody, req.headers['content-type'] ?? '');
    if (!payload) return webhookText(400, 'invalid_payload');
    const text = typeof payload.text === 'string' ? payload.text : undefined;
    const blocks = Array.isArray(payload.blocks) ? payload.blocks : undefined;
    if (!text && !blocks) return webhookText(400, 'no_text');
    const channel = workspace.find(hook.channel);
    if (!channel) return webhookText(404, 'channel_not_found');
    if (channel.archived) return webhookText(410, 'channel_is_archived');
    const threadTs = typeof payload.thread_ts === 'string' && channel.messages.has(payload.thread_ts) ? payload.thread_ts : undefined;
    workspace.post(channel, {
      subtype: 'bot_message', text: text ?? '', bot_id: hook.botId, app_id: hook.appId, username: 'incoming-webhook',
      ...(blocks ? { blocks } : {}), ...(threadTs ? { thread_ts: threadTs } : {}),
    });
    return webhookText(200, 'ok');
  });
}
