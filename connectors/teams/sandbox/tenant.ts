/**
 * What the Teams stand-in keeps: teams, their channels, and channel messages as chatMessage
 * resources (learn.microsoft.com/graph/api/resources/chatmessage), replies under their root
 * (`replyToId`). Deletion is soft, as in Teams: the message stays with `deletedDateTime` set and
 * no content. Every change goes to the listeners (change notifications).
 */
import type { Clock } from '../../../src/sandbox/index.js';
import type { GraphIds } from './ids.js';

export type Author = { application: { id: string; displayName: string; applicationIdentityType: 'bot' } } | { user: { id: string; displayName: string; userIdentityType: 'aadUser'; tenantId: string } };

export interface StoredChatMessage {
  id: string;
  replyToId: string | null;
  etag: string;
  messageType: 'message';
  createdDateTime: string;
  lastModifiedDateTime: string;
  lastEditedDateTime: string | null;
  deletedDateTime: string | null;
  subject: string | null;
  summary: string | null;
  chatId: null;
  importance: 'normal';
  locale: 'en-us';
  webUrl: string;
  policyViolation: null;
  eventDetail: null;
  from: { application: null; device: null; user: null } | Record<string, unknown>;
  body: { contentType: 'text' | 'html'; content: string };
  channelIdentity: { teamId: string; channelId: string };
  attachments: unknown[];
  mentions: unknown[];
  reactions: unknown[];
}

export interface TeamsChannel {
  teamId: string;
  id: string;
  displayName: string;
  messages: Map<string, StoredChatMessage>;
}

export interface MessageChange {
  changeType: 'created' | 'updated' | 'deleted';
  channel: TeamsChannel;
  message: StoredChatMessage;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class Tenant {
  readonly teams = new Map<string, { id: string; displayName: string; channels: Map<string, TeamsChannel> }>();
  private readonly listeners: Array<(change: MessageChange) => void> = [];

  constructor(readonly tenantId: string, private readonly ids: GraphIds, readonly clock: Clock) {}

  createTeam(displayName: string): string {
    const id = this.ids.guid();
    this.teams.set(id, { id, displayName, channels: new Map() });
    return id;
  }

  createChannel(teamId: string, displayName: string): TeamsChannel {
    const channel: TeamsChannel = { teamId, id: this.ids.channel(), displayName, messages: new Map() };
    this.teams.get(teamId)!.channels.set(channel.id, channel);
    return channel;
  }

  channel(teamId: string, channelId: string): TeamsChannel | undefined {
    return this.teams.get(teamId)?.channels.get(channelId);
  }

  onChange(listener: (change: MessageChange) => void): void {
    this.listeners.push(listener);
  }

  private emit(changeType: MessageChange['changeType'], channel: TeamsChannel, message: StoredChatMessage): void {
    for (const listener of this.listeners) listener({ changeType, channel, message: structuredClone(message) });
  }

  post(channel: TeamsChannel, author: Author, body: StoredChatMessage['body'], replyToId: string | null): StoredChatMessage {
    const now = this.clock.now();
    const id = this.ids.message(now);
    const message: StoredChatMessage = {
      id, replyToId, etag: id, messageType: 'message', createdDateTime: iso(now), lastModifiedDateTime: iso(now), lastEditedDateTime: null, deletedDateTime: null,
      subject: null, summary: null, chatId: null, importance: 'normal', locale: 'en-us',
      webUrl: `https://teams.microsoft.com/l/message/${encodeURIComponent(channel.id)}/${id}?groupId=${channel.teamId}&tenantId=${this.tenantId}&createdTime=${now}&parentMessageId=${replyToId ?? id}`,
      policyViolation: null, eventDetail: null, from: { application: null, device: null, user: null, ...author }, body, channelIdentity: { teamId: channel.teamId, channelId: channel.id },
      attachments: [], mentions: [], reactions: [],
    };
    channel.messages.set(id, message);
    this.emit('created', channel, message);
    return structuredClone(message);
  }

  edit(channel: TeamsChannel, message: StoredChatMessage, body: StoredChatMessage['body']): void {
    const now = iso(this.clock.now());
    Object.assign(message, { body, lastModifiedDateTime: now, lastEditedDateTime: now, etag: String(this.clock.now()) });
    this.emit('updated', channel, message);
  }

  softDelete(channel: TeamsChannel, message: StoredChatMessage): void {
    if (message.deletedDateTime) return;
    const now = iso(this.clock.now());
    Object.assign(message, { deletedDateTime: now, lastModifiedDateTime: now, body: { contentType: 'text', content: '' } });
    this.emit('deleted', channel, message);
  }

  /** A root message, or a reply of one; undefined when either is unknown. */
  find(channel: TeamsChannel, rootId: string, replyId?: string): StoredChatMessage | undefined {
    const root = channel.messages.get(rootId);
    if (!root || root.replyToId !== null) return undefined;
    if (!replyId) return root;
    const reply = channel.messages.get(replyId);
    return reply?.replyToId === rootId ? reply : undefined;
  }
}
