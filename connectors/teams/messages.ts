/**
 * Channel messages through Microsoft Graph v1.0: post (`POST …/messages`, a reply under
 * `…/messages/{root}/replies`), edit (`PATCH`, 204), delete (`POST …/softDelete`, 204)
 * (learn.microsoft.com/graph/api/channel-post-messages, chatmessage-update, chatmessage-softdelete).
 * Graph takes no idempotency key here, so a post whose answer was lost is not replayed.
 *
 * Graph documents app-only (application) permission for these calls only for migration
 * (Teamwork.Migrate.All); ordinary posting, editing and deleting need a signed-in user (the
 * `delegated` method). README.md says more.
 */
import type { ConnectorContext, MessageRef, OutboundMessage } from '../../src/registry/index.js';
import { messageId, messagesPath, parseChannel, parseMessageId, type MessagePath } from './refs.js';
import { chatMessageSchema } from './schemas.js';

function contentOf(message: OutboundMessage): { body: { contentType: 'text' | 'html'; content: string } } {
  const html = typeof message.data?.html === 'string' ? message.data.html : undefined;
  return { body: html ? { contentType: 'html', content: html } : { contentType: 'text', content: message.text } };
}

export async function sendTeamsMessage(ctx: ConnectorContext, message: OutboundMessage): Promise<{ id: string; raw?: unknown }> {
  const channel = parseChannel(message.channel ?? message.to);
  // Graph threads are one level deep: a reply to a reply goes under the same root.
  const root: MessagePath | undefined = message.threadId ? { rootId: parseMessageId(message.threadId).rootId } : undefined;
  const url = root ? `${messagesPath(channel, root)}/replies` : messagesPath(channel);
  const response = await ctx.http.request({ method: 'POST', url, json: contentOf(message), schema: chatMessageSchema, signal: ctx.signal });
  if (!response.ok || !response.body) throw response.error!;
  const id = root ? messageId({ rootId: root.rootId, replyId: response.body.id }) : response.body.id;
  return { id, raw: response.body };
}

export async function updateTeamsMessage(ctx: ConnectorContext, ref: MessageRef, message: OutboundMessage): Promise<void> {
  const url = messagesPath(parseChannel(ref.channel), parseMessageId(ref.id, message.threadId));
  const response = await ctx.http.request({ method: 'PATCH', url, json: contentOf(message), signal: ctx.signal });
  if (!response.ok) throw response.error!;
}

/** A message already gone (404) is what the caller wanted. */
export async function deleteTeamsMessage(ctx: ConnectorContext, ref: MessageRef): Promise<void> {
  const url = `${messagesPath(parseChannel(ref.channel), parseMessageId(ref.id))}/softDelete`;
  // softDelete is idempotent in effect, so a lost answer may be replayed.
  const response = await ctx.http.request({ method: 'POST', url, replayable: true, signal: ctx.signal });
  if (!response.ok && response.error?.kind !== 'not_found') throw response.error!;
}
