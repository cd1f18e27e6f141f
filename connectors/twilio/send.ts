/**
 * `messaging.send`: one Message resource, form-encoded. Twilio takes no idempotency key on
 * Messages (its `I-Twilio-Idempotency-Token` is a header Twilio sends on the webhooks it makes,
 * for receivers to spot redeliveries; it is not read on API requests), so the key is not sent
 * and a send is never replayed after an ambiguous failure (a timeout or a 500 may have sent the
 * SMS). The executor retries 429, which Twilio documents as never processed (error 20429), and
 * 503. The returned id is the Message SID (SM… or MM…).
 */
import type { ConnectorContext, OutboundMessage } from '../../src/registry/index.js';
import { toTwilioForm } from './message.js';
import { accountPath } from './paths.js';
import { messageResourceSchema, type MessageResource } from './schemas.js';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

export async function sendTwilio(ctx: ConnectorContext, message: OutboundMessage, _options: { idempotencyKey: string }): Promise<{ id: string; raw: MessageResource }> {
  const form = toTwilioForm(message, { from: text(ctx.config.from), messagingServiceSid: text(ctx.config.messagingServiceSid) });
  const res = await ctx.http.request({ method: 'POST', url: accountPath(ctx.config, '/Messages'), form, schema: messageResourceSchema, signal: ctx.signal });
  if (!res.ok || !res.body) throw res.error!;
  return { id: res.body.sid, raw: res.body };
}
