/**
 * `messaging.send`: one Cloud API message. The Cloud API has no idempotency key (its optional
 * `biz_opaque_callback_data` is not in Meta's v23 description of the request and dedupes
 * nothing), so the key is not sent and a send is never replayed after an ambiguous failure (a
 * timeout or a 500 may have delivered): the executor only retries answers that say nothing was
 * done (429, 503). Throttling answers (130429, 131056, HTTP 400) surface as transient for the
 * caller's queue to retry later.
 */
import type { ConnectorContext, OutboundMessage } from '../../src/registry/index.js';
import { toGraphMessage } from './message.js';
import { sendAnswerSchema, type SendAnswer } from './schemas.js';
import { graphPath } from './paths.js';

export async function sendWhatsApp(ctx: ConnectorContext, message: OutboundMessage, _options: { idempotencyKey: string }): Promise<{ id: string; raw: SendAnswer }> {
  const body = toGraphMessage(message);
  const res = await ctx.http.request({ method: 'POST', url: graphPath(ctx.config, 'messages'), json: body, schema: sendAnswerSchema, signal: ctx.signal });
  if (!res.ok || !res.body) throw res.error!;
  return { id: res.body.messages[0]!.id, raw: res.body };
}
