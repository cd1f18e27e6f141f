/**
 * `messaging.send`: `POST /email`. Postmark takes no idempotency key, so the key is not sent as
 * one (it travels in `Metadata` for tracing only) and a send is never replayed after an
 * ambiguous failure (a timeout or a 500 may have sent the mail): the executor retries only 429
 * and 503, which say nothing was sent. The returned id is Postmark's `MessageID`.
 */
import type { ConnectorContext, OutboundMessage } from '../../src/registry/index.js';
import { toPostmarkEmail } from './email.js';
import { sentSchema, type Sent } from './schemas.js';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** `Name <address>` when the connection names the sender. */
function defaultFrom(config: Record<string, unknown>): string | undefined {
  const address = text(config.fromEmail);
  const name = text(config.fromName);
  return address && name ? `${name.replace(/[",<>]/g, '')} <${address}>` : address;
}

export async function sendPostmark(ctx: ConnectorContext, message: OutboundMessage, options: { idempotencyKey: string }): Promise<{ id: string; raw: Sent }> {
  const email = toPostmarkEmail(message, options.idempotencyKey, { from: defaultFrom(ctx.config), messageStream: text(ctx.config.messageStream) });
  const res = await ctx.http.request({ method: 'POST', url: '/email', json: email, schema: sentSchema, signal: ctx.signal });
  if (!res.ok || !res.body) throw res.error!;
  return { id: res.body.MessageID, raw: res.body };
}
