/**
 * `messaging.send`: one alert event, `POST /v2/enqueue`. PagerDuty dedupes by `dedup_key`
 * (events for an open alert with the same key join that alert), and the key comes from the
 * idempotency key, so a replay is harmless: the request is `replayable`, retried after timeouts
 * and 5xx as well as 429 (PagerDuty: "retry after some time"). The returned id is the dedup key,
 * which a later acknowledge or resolve names as its `threadId`.
 */
import type { ConnectorContext, OutboundMessage } from '../../src/registry/index.js';
import { toEvent } from './event.js';
import { routingKeyOf } from './routing-key.js';
import { acceptedSchema, type Accepted } from './schemas.js';

export const DEFAULT_SOURCE = 'forgeworks';

export async function sendPagerDuty(ctx: ConnectorContext, message: OutboundMessage, options: { idempotencyKey: string }): Promise<{ id: string; raw: Accepted }> {
  const event = toEvent(message, options.idempotencyKey, String(ctx.config.source ?? DEFAULT_SOURCE));
  const routingKey = await routingKeyOf(ctx);
  const res = await ctx.http.request({
    method: 'POST', url: '/v2/enqueue', json: { routing_key: routingKey, ...event }, schema: acceptedSchema, replayable: true, signal: ctx.signal,
  });
  if (!res.ok || !res.body) throw res.error!;
  return { id: res.body.dedup_key, raw: res.body };
}
