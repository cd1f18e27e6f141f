/**
 * Posting through an incoming webhook: `{ text, blocks?, thread_ts? }` as JSON. The answer is
 * `ok` and nothing else: no `ts`, so the message cannot be edited or deleted later, and Slack
 * message metadata is not accepted by webhooks, so a bridge marker cannot ride along.
 */
import { z } from 'zod';
import type { ConnectorContext, OutboundMessage } from '../../src/registry/index.js';
import { webhookPath } from './url.js';

const okSchema = z.literal('ok');

export async function sendWebhookMessage(ctx: ConnectorContext, message: OutboundMessage, options: { idempotencyKey: string }): Promise<{ id: string; raw?: unknown }> {
  const path = webhookPath((await ctx.credentials()).webhookUrl);
  const blocks = Array.isArray(message.data?.blocks) ? message.data.blocks : undefined;
  const response = await ctx.http.request({
    method: 'POST', url: path, schema: okSchema, signal: ctx.signal,
    json: { text: message.text, ...(blocks ? { blocks } : {}), ...(message.threadId ? { thread_ts: message.threadId } : {}) },
  });
  if (!response.ok) throw response.error!;
  // Slack names no message id; the caller's key is the only handle there is.
  return { id: `webhook:${options.idempotencyKey}`, raw: response.body };
}

/**
 * Proves the URL without posting: an empty payload is answered `no_text` (400) by a live
 * webhook, and `no_service` / `invalid_token` by a removed or mistyped one.
 */
export async function probeWebhook(ctx: ConnectorContext): Promise<{ ok: boolean; message: string }> {
  let path: string;
  try {
    path = webhookPath((await ctx.credentials()).webhookUrl);
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const response = await ctx.http.request({ method: 'POST', url: path, json: {}, retry: { maxAttempts: 2 }, signal: ctx.signal });
  if (response.error?.code === 'no_text') return { ok: true, message: 'The Slack webhook is live (checked without posting).' };
  return { ok: false, message: response.error?.message ?? `Slack answered ${response.status}` };
}
