/**
 * `messaging.send`: `POST /v3/mail/send`, answered 202 with no body and the message id in
 * `X-Message-Id`. Mail Send takes no idempotency key, so the key is not sent as one (it travels
 * in `custom_args` for tracing only) and a send is never replayed after an ambiguous failure (a
 * timeout or a 500 may have queued the mail): the executor retries only 429 (with
 * `X-RateLimit-Reset`) and 503, which say nothing was accepted.
 */
import type { ConnectorContext, OutboundMessage } from '../../src/registry/index.js';
import { toMailSend } from './mail.js';
import { messageIdSchema } from './schemas.js';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

export async function sendSendGrid(ctx: ConnectorContext, message: OutboundMessage, options: { idempotencyKey: string }): Promise<{ id: string; raw: { status: number; messageId: string } }> {
  const body = toMailSend(message, options.idempotencyKey, { email: text(ctx.config.fromEmail), name: text(ctx.config.fromName) });
  const res = await ctx.http.request({ method: 'POST', url: '/v3/mail/send', json: body, signal: ctx.signal });
  if (!res.ok) throw res.error!;
  const messageId = messageIdSchema.parse(res.headers['x-message-id']);
  return { id: messageId, raw: { status: res.status, messageId } };
}
