/**
 * Reads one message (`GET …/messages/{id}`, or `…/replies/{id}`; learn.microsoft.com/graph/api/chatmessage-get):
 * change notifications carry no content, so the hub reads it here. A soft-deleted message is
 * still returned by Graph, with `deletedDateTime` set: for the hub it no longer exists (null).
 * `fromSelf` is true for the app's own posts (`from.application.id` is this connection's client id).
 */
import type { CapturedMessageEvent, ConnectorContext, MessageRef } from '../../src/registry/index.js';
import { channelRef, messageId, messagesPath, parseChannel, parseMessageId } from './refs.js';
import { chatMessageSchema } from './schemas.js';
import { bodyText } from './text.js';

type Fetched = Omit<CapturedMessageEvent, 'eventId' | 'type' | 'occurredAt'>;

export async function fetchTeamsMessage(ctx: ConnectorContext, ref: MessageRef & { threadId?: string }): Promise<Fetched | null> {
  const channel = parseChannel(ref.channel);
  const path = parseMessageId(ref.id, ref.threadId);
  const response = await ctx.http.request({ url: messagesPath(channel, path), schema: chatMessageSchema, signal: ctx.signal });
  if (!response.ok || !response.body) {
    if (response.error?.kind === 'not_found') return null;
    throw response.error!;
  }
  const message = response.body;
  if (message.deletedDateTime) return null;
  const { clientId } = await ctx.credentials();
  const application = message.from?.application?.id ?? undefined;
  const authorId = message.from?.user?.id ?? application;
  return {
    channel: channelRef(channel), messageId: messageId(path), text: bodyText(message.body),
    ...(path.replyId ? { threadId: path.rootId } : {}),
    ...(authorId ? { authorId } : {}),
    fromSelf: application !== undefined && application === clientId,
  };
}
