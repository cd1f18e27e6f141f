/**
 * Posting, editing and deleting through the Web API: `chat.postMessage`, `chat.update`,
 * `chat.delete` (docs.slack.dev/reference/methods/chat.postMessage …). A message is addressed by
 * its channel id and its `ts`. Slack has no idempotency key for posts, so the executor never
 * replays a post whose answer was lost (only a 429 or 503, which Slack did not process).
 */
import { ConnectorError } from '../../src/core/index.js';
import type { ConnectorContext, MessageRef, OutboundMessage } from '../../src/registry/index.js';
import { markerMetadata } from './marker.js';
import { deleteSchema, postMessageSchema, updateSchema } from './schemas.js';
import { slackPost, unwrap } from './web-api.js';

function channelOf(message: OutboundMessage): string {
  const channel = message.channel ?? message.to;
  if (!channel) throw new ConnectorError('a Slack message needs a channel id', { kind: 'validation', fields: [{ field: 'channel', message: 'required' }] });
  return channel;
}

/** The arguments both post and update take: text, optional blocks, the bridge marker. */
function content(message: OutboundMessage): Record<string, unknown> {
  const blocks = Array.isArray(message.data?.blocks) ? message.data.blocks : undefined;
  return {
    text: message.text,
    ...(blocks ? { blocks } : {}),
    ...(message.bridgeMarker ? { metadata: markerMetadata(message.bridgeMarker) } : {}),
  };
}

export async function sendSlackMessage(ctx: ConnectorContext, message: OutboundMessage): Promise<{ id: string; raw?: unknown }> {
  const body = { channel: channelOf(message), ...content(message), ...(message.threadId ? { thread_ts: message.threadId } : {}) };
  const posted = unwrap(await slackPost(ctx, 'chat.postMessage', body, postMessageSchema));
  return { id: posted.ts, raw: posted };
}

export async function updateSlackMessage(ctx: ConnectorContext, ref: MessageRef, message: OutboundMessage): Promise<void> {
  unwrap(await slackPost(ctx, 'chat.update', { channel: ref.channel, ts: ref.id, ...content(message) }, updateSchema));
}

/** A message already gone (`message_not_found`) is what the caller wanted: success. */
export async function deleteSlackMessage(ctx: ConnectorContext, ref: MessageRef): Promise<void> {
  const result = await slackPost(ctx, 'chat.delete', { channel: ref.channel, ts: ref.id }, deleteSchema);
  if (!result.ok && result.error.code !== 'message_not_found') throw result.error;
}
