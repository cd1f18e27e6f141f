/**
 * Posting through a Teams incoming webhook: the caller's card (`data.card`, a MessageCard or an
 * Adaptive Card message) as is, or the text wrapped in the smallest MessageCard
 * (learn.microsoft.com/outlook/actionable-messages/message-card-reference). The answer names no
 * message, so a webhook post cannot be edited, deleted or marked as a bridged copy.
 */
import { z } from 'zod';
import type { ConnectorContext, OutboundMessage } from '../../src/registry/index.js';
import { checkWebhookUrl, webhookTarget } from './url.js';

const acceptedSchema = z.union([z.literal('1'), z.literal(1)]);

export function cardFor(message: OutboundMessage): Record<string, unknown> {
  const card = message.data?.card;
  if (card && typeof card === 'object' && !Array.isArray(card)) return card as Record<string, unknown>;
  return { '@type': 'MessageCard', '@context': 'https://schema.org/extensions', text: message.text };
}

export async function sendTeamsWebhook(ctx: ConnectorContext, message: OutboundMessage, options: { idempotencyKey: string }): Promise<{ id: string; raw?: unknown }> {
  const url = checkWebhookUrl((await ctx.credentials()).webhookUrl);
  const response = await ctx.http.request({ method: 'POST', url: webhookTarget(ctx, url), json: cardFor(message), schema: acceptedSchema, signal: ctx.signal });
  if (!response.ok) throw response.error!;
  return { id: `webhook:${options.idempotencyKey}`, raw: response.body };
}

/** Proves the URL without posting: a live webhook answers an empty card "Summary or Text is required." */
export async function probeTeamsWebhook(ctx: ConnectorContext): Promise<{ ok: boolean; message: string }> {
  let url: URL;
  try {
    url = checkWebhookUrl((await ctx.credentials()).webhookUrl);
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const response = await ctx.http.request({ method: 'POST', url: webhookTarget(ctx, url), json: { '@type': 'MessageCard', '@context': 'https://schema.org/extensions' }, retry: { maxAttempts: 2 }, signal: ctx.signal });
  if (response.error?.code === 'missing_text') return { ok: true, message: 'The Teams webhook is live (checked without posting).' };
  return { ok: false, message: response.error?.message ?? `Teams answered ${response.status}` };
}
