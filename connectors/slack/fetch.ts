/**
 * Reads one message back: `conversations.history` bounded to its `ts` for a root message,
 * `conversations.replies` of its thread for a reply (history holds no replies,
 * docs.slack.dev/reference/methods/conversations.replies). Null when Slack no longer has it.
 */
import type { CapturedMessageEvent, ConnectorContext, MessageRef } from '../../src/registry/index.js';
import { authorOf, isFromSelf, markerOf, threadOf } from './marker.js';
import { historySchema, type SlackMessage } from './schemas.js';
import { slackGet } from './web-api.js';

type Fetched = Omit<CapturedMessageEvent, 'eventId' | 'type' | 'occurredAt'>;

const GONE = ['message_not_found', 'thread_not_found'];

export async function fetchSlackMessage(ctx: ConnectorContext, ref: MessageRef & { threadId?: string }): Promise<Fetched | null> {
  const window = { channel: ref.channel, latest: ref.id, oldest: ref.id, inclusive: true, include_all_metadata: true };
  const result = ref.threadId && ref.threadId !== ref.id
    ? await slackGet(ctx, 'conversations.replies', { ...window, ts: ref.threadId, limit: 2 }, historySchema)
    : await slackGet(ctx, 'conversations.history', { ...window, limit: 1 }, historySchema);
  if (!result.ok) {
    if (result.error.code && GONE.includes(result.error.code)) return null;
    throw result.error;
  }
  const message = result.body.messages.find((m) => m.ts === ref.id);
  return message ? toFetched(ref.channel, message, ctx.config) : null;
}

function toFetched(channel: string, message: SlackMessage, config: Record<string, unknown>): Fetched {
  const threadId = threadOf(message);
  const bridgeMarker = markerOf(message);
  return {
    channel, messageId: message.ts, text: message.text ?? '', authorId: authorOf(message), fromSelf: isFromSelf(message, config),
    ...(threadId ? { threadId } : {}), ...(bridgeMarker ? { bridgeMarker } : {}),
  };
}
