/**
 * A Graph change notification for a channel message into the hub's event
 * (learn.microsoft.com/graph/teams-changenotifications-chatmessage). The resource names the
 * message, `teams('{team}')/channels('{channel}')/messages('{id}')`, with `/replies('{id}')` for a
 * reply; there is no content (the hub calls fetch) and no time of change (the receipt time
 * stands in). Graph gives a notification no delivery id, so the event id is built from what it
 * does give: a message is created and deleted once, so those ids are stable across Graph's
 * retries; each `updated` notification gets its own, so two edits are never taken for one.
 */
import type { CapturedMessageEvent } from '../../src/registry/index.js';
import { messageId, type ChannelRef, type MessagePath } from './refs.js';
import type { ChangeNotification } from './schemas.js';

const TYPES: Record<string, CapturedMessageEvent['type']> = { created: 'posted', updated: 'edited', deleted: 'deleted' };

/** Both spellings Graph uses: `teams('a')/channels('b')/messages('c')` and `/teams/a/channels/b/messages/c`. */
export function parseResource(resource: string): { channel: ChannelRef; path: MessagePath } | undefined {
  const segment = (name: string) => `${name}(?:\\('([^']+)'\\)|/([^/()]+))`;
  const pattern = new RegExp(`^/?${segment('teams')}/${segment('channels')}/${segment('messages')}(?:/${segment('replies')})?$`, 'i');
  const match = pattern.exec(resource);
  if (!match) return undefined;
  const [, t1, t2, c1, c2, m1, m2, r1, r2] = match.map((v) => (v === undefined ? undefined : decodeURIComponent(v)));
  const rootId = (m1 ?? m2)!;
  const replyId = r1 ?? r2;
  return { channel: { teamId: (t1 ?? t2)!, channelId: (c1 ?? c2)! }, path: replyId ? { rootId, replyId } : { rootId } };
}

export function toCapturedEvent(notification: ChangeNotification, receivedAtMs: number): CapturedMessageEvent | undefined {
  const type = notification.changeType ? TYPES[notification.changeType] : undefined;
  const target = notification.resource ? parseResource(notification.resource) : undefined;
  if (!type || !target) return undefined;
  const id = messageId(target.path);
  const eventId = notification.id
    ?? [notification.subscriptionId, notification.changeType, id, ...(type === 'edited' ? [String(receivedAtMs)] : [])].join(':');
  return {
    eventId, type, channel: `${target.channel.teamId}/${target.channel.channelId}`, messageId: id,
    ...(target.path.replyId ? { threadId: target.path.rootId } : {}),
    occurredAt: new Date(receivedAtMs).toISOString(),
  };
}
