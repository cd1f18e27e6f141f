/**
 * Graph change notifications for one channel's messages (learn.microsoft.com/graph/api/subscription-post-subscriptions):
 * `POST /v1.0/subscriptions` with `created,updated,deleted`, the notification URL, the channel's
 * message resource and the clientState; renewal is `PATCH /v1.0/subscriptions/{id}` with a new
 * expiry, and a subscription Graph no longer knows (404: it lapsed) is made again.
 * Channel-message subscriptions live at most 60 minutes unless a lifecycle notification URL is
 * given (learn.microsoft.com/graph/teams-change-notification-in-microsoft-teams-overview), so
 * each one is asked for 59 and the hub renews it well before that.
 */
import type { ConnectorContext, MessageSubscription } from '../../src/registry/index.js';
import { parseChannel } from './refs.js';
import { subscriptionSchema } from './schemas.js';

export const SUBSCRIPTION_MINUTES = 59;

export interface SubscribeOptions {
  channel: string;
  notificationUrl: string;
  clientState: string;
  existing?: MessageSubscription;
}

function expiry(): string {
  return new Date(Date.now() + SUBSCRIPTION_MINUTES * 60_000).toISOString();
}

export async function subscribeTeamsChannel(ctx: ConnectorContext, options: SubscribeOptions): Promise<MessageSubscription> {
  const { teamId, channelId } = parseChannel(options.channel);
  if (options.existing) {
    const renewed = await ctx.http.request({
      method: 'PATCH', url: `/v1.0/subscriptions/${encodeURIComponent(options.existing.id)}`, json: { expirationDateTime: expiry() }, schema: subscriptionSchema, signal: ctx.signal,
    });
    if (renewed.ok && renewed.body) return { id: renewed.body.id, expiresAt: renewed.body.expirationDateTime };
    if (renewed.error?.kind !== 'not_found') throw renewed.error!;
  }
  const created = await ctx.http.request({
    method: 'POST', url: '/v1.0/subscriptions', schema: subscriptionSchema, signal: ctx.signal,
    // Graph validates the URL before it answers; that round trip can take up to 10 s.
    timeoutMs: 30_000,
    json: {
      changeType: 'created,updated,deleted', notificationUrl: options.notificationUrl,
      resource: `/teams/${teamId}/channels/${channelId}/messages`, expirationDateTime: expiry(), clientState: options.clientState,
    },
  });
  if (!created.ok || !created.body) throw created.error!;
  return { id: created.body.id, expiresAt: created.body.expirationDateTime };
}
