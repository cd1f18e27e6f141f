/**
 * How Teams messages are named to the hub. A channel is `"{teamId}/{channelId}"` (channel ids
 * such as `19:…@thread.tacv2` hold no slash). A root message is its Graph id; a reply lives under
 * its root in Graph (`/messages/{root}/replies/{reply}`), so its id is `"{rootId}/{replyId}"`:
 * every operation of the messaging contract can then reach it from the id alone (`delete` gets
 * no thread id). Capture, send and fetch all use this one form.
 */
import { ConnectorError } from '../../src/core/index.js';

export interface ChannelRef {
  teamId: string;
  channelId: string;
}

export interface MessagePath {
  rootId: string;
  replyId?: string;
}

function refuse(field: string, message: string): ConnectorError {
  return new ConnectorError(`${field}: ${message}`, { kind: 'validation', fields: [{ field, message }] });
}

export function parseChannel(channel: string | undefined): ChannelRef {
  const slash = channel?.indexOf('/') ?? -1;
  if (!channel || slash <= 0 || slash === channel.length - 1) throw refuse('channel', 'must be "{teamId}/{channelId}"');
  return { teamId: channel.slice(0, slash), channelId: channel.slice(slash + 1) };
}

export function channelRef(ref: ChannelRef): string {
  return `${ref.teamId}/${ref.channelId}`;
}

/** `root` or `root/reply`; a separate thread id (the contract's `threadId`) names the root too. */
export function parseMessageId(id: string, threadId?: string): MessagePath {
  const [first, second] = id.split('/');
  if (!first) throw refuse('id', 'is empty');
  if (second) return { rootId: first, replyId: second };
  return threadId && threadId !== first ? { rootId: threadId, replyId: first } : { rootId: first };
}

export function messageId(path: MessagePath): string {
  return path.replyId ? `${path.rootId}/${path.replyId}` : path.rootId;
}

/** The Graph path of a channel's messages, or of one message or reply. */
export function messagesPath(channel: ChannelRef, path?: MessagePath): string {
  const base = `/v1.0/teams/${encodeURIComponent(channel.teamId)}/channels/${encodeURIComponent(channel.channelId)}/messages`;
  if (!path) return base;
  const root = `${base}/${encodeURIComponent(path.rootId)}`;
  return path.replyId ? `${root}/replies/${encodeURIComponent(path.replyId)}` : root;
}
