/**
 * A Slack `message` event into the hub's CapturedMessageEvent (docs.slack.dev/reference/events/message):
 * a plain message or thread reply is `posted`, `message_changed` is `edited` (the new message in
 * `message`, the edit time in `message.edited.ts`), `message_deleted` is `deleted` (`deleted_ts`,
 * the old message in `previous_message`). Other subtypes (joins, topic changes) are not messages
 * the hub bridges.
 */
import type { CapturedMessageEvent } from '../../src/registry/index.js';
import { authorOf, isFromSelf, markerOf, threadOf, tsToIso } from './marker.js';
import { messageEventSchema, type SlackMessage } from './schemas.js';

/** Subtypes that are a person's or an app's own message. */
const POSTED_SUBTYPES = new Set([undefined, 'bot_message', 'thread_broadcast', 'me_message', 'file_share']);

function base(eventId: string, channel: string, message: SlackMessage, config: Record<string, unknown>) {
  const threadId = threadOf(message);
  const bridgeMarker = markerOf(message);
  return {
    eventId, channel, messageId: message.ts, authorId: authorOf(message), fromSelf: isFromSelf(message, config),
    ...(threadId ? { threadId } : {}), ...(bridgeMarker ? { bridgeMarker } : {}),
  };
}

export function toCapturedEvents(eventId: string, rawEvent: unknown, config: Record<string, unknown>): CapturedMessageEvent[] {
  const parsed = messageEventSchema.safeParse(rawEvent);
  if (!parsed.success) return [];
  const event = parsed.data;
  if (event.subtype === 'message_changed' && event.message) {
    const message = event.message;
    const when = message.edited?.ts ?? event.event_ts ?? event.ts;
    return [{ ...base(eventId, event.channel, message, config), type: 'edited', text: message.text ?? '', occurredAt: tsToIso(when) }];
  }
  if (event.subtype === 'message_deleted') {
    const ts = event.deleted_ts ?? event.previous_message?.ts;
    if (!ts) return [];
    const previous = event.previous_message ?? { ts };
    return [{ ...base(eventId, event.channel, { ...previous, ts }, config), type: 'deleted', occurredAt: tsToIso(event.event_ts ?? event.ts) }];
  }
  if (!POSTED_SUBTYPES.has(event.subtype)) return [];
  return [{ ...base(eventId, event.channel, event, config), type: 'posted', text: event.text ?? '', occurredAt: tsToIso(event.ts) }];
}
