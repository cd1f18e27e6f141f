/**
 * The workspace the Slack stand-in keeps: channels, their messages (root messages and thread
 * replies, keyed by `ts`), and a change feed the Events API delivery listens to. Changes made
 * through the Web API and through the test's "human" levers go through the same methods, so
 * both produce events, as in Slack.
 */
import type { Clock } from '../../../src/sandbox/index.js';
import type { SlackIds } from './ids.js';

export interface StoredMessage {
  type: 'message';
  ts: string;
  text: string;
  team: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  username?: string;
  bot_profile?: Record<string, unknown>;
  client_msg_id?: string;
  thread_ts?: string;
  parent_user_id?: string;
  reply_count?: number;
  reply_users?: string[];
  reply_users_count?: number;
  latest_reply?: string;
  edited?: { user: string; ts: string };
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export interface Channel {
  id: string;
  name: string;
  archived: boolean;
  messages: Map<string, StoredMessage>;
}

export type Change =
  | { kind: 'posted'; channel: string; message: StoredMessage }
  | { kind: 'edited'; channel: string; message: StoredMessage; previous: StoredMessage; eventTs: string }
  | { kind: 'deleted'; channel: string; previous: StoredMessage; eventTs: string };

const copy = (m: StoredMessage): StoredMessage => structuredClone(m);

export class Workspace {
  readonly channels = new Map<string, Channel>();
  private lastMicros = 0;
  private readonly listeners: Array<(change: Change) => void> = [];

  constructor(readonly teamId: string, readonly clock: Clock, private readonly ids: SlackIds) {}

  /** A ts later than every earlier one: the clock in microseconds, bumped past a collision. */
  nextTs(): string {
    this.lastMicros = Math.max(this.clock.now() * 1000, this.lastMicros + 1);
    return `${Math.floor(this.lastMicros / 1e6)}.${String(this.lastMicros % 1e6).padStart(6, '0')}`;
  }

  createChannel(name: string): Channel {
    const channel: Channel = { id: this.ids.id('C'), name, archived: false, messages: new Map() };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** By id, or by name (`general` / `#general`), as chat.postMessage accepts both. */
  find(idOrName: string): Channel | undefined {
    const name = idOrName.replace(/^#/, '');
    return this.channels.get(idOrName) ?? [...this.channels.values()].find((c) => c.name === name);
  }

  onChange(listener: (change: Change) => void): void {
    this.listeners.push(listener);
  }

  private emit(change: Change): void {
    for (const listener of this.listeners) listener(change);
  }

  post(channel: Channel, draft: Omit<StoredMessage, 'type' | 'ts' | 'team'>): StoredMessage {
    const message: StoredMessage = { type: 'message', ...draft, ts: this.nextTs(), team: this.teamId };
    const parent = message.thread_ts ? channel.messages.get(message.thread_ts) : undefined;
    if (parent) {
      const author = message.user ?? message.bot_id ?? '';
      parent.thread_ts = parent.ts;
      parent.reply_count = (parent.reply_count ?? 0) + 1;
      parent.reply_users = [...new Set([...(parent.reply_users ?? []), author])];
      parent.reply_users_count = parent.reply_users.length;
      parent.latest_reply = message.ts;
      message.parent_user_id = parent.user ?? parent.bot_id;
    }
    channel.messages.set(message.ts, message);
    this.emit({ kind: 'posted', channel: channel.id, message: copy(message) });
    return copy(message);
  }

  edit(channel: Channel, ts: string, patch: Partial<Pick<StoredMessage, 'text' | 'blocks' | 'metadata'>>, editor: string): StoredMessage {
    const message = channel.messages.get(ts)!;
    const previous = copy(message);
    Object.assign(message, patch, { edited: { user: editor, ts: this.nextTs() } });
    this.emit({ kind: 'edited', channel: channel.id, message: copy(message), previous, eventTs: message.edited!.ts });
    return copy(message);
  }

  remove(channel: Channel, ts: string): void {
    const previous = channel.messages.get(ts)!;
    channel.messages.delete(ts);
    const parent = previous.thread_ts && previous.thread_ts !== ts ? channel.messages.get(previous.thread_ts) : undefined;
    if (parent) {
      parent.reply_count = Math.max(0, (parent.reply_count ?? 1) - 1);
      if (parent.reply_count === 0) for (const key of ['reply_count', 'reply_users', 'reply_users_count', 'latest_reply', 'thread_ts'] as const) delete parent[key];
    }
    this.emit({ kind: 'deleted', channel: channel.id, previous: copy(previous), eventTs: this.nextTs() });
  }

  /** Root messages, newest first (conversations.history's order). */
  roots(channel: Channel): StoredMessage[] {
    return [...channel.messages.values()].filter((m) => !m.thread_ts || m.thread_ts === m.ts).sort((a, b) => compareTs(b.ts, a.ts)).map(copy);
  }

  /** A thread: its root first, then the replies oldest first (conversations.replies' order). */
  thread(channel: Channel, rootTs: string): StoredMessage[] {
    const root = channel.messages.get(rootTs);
    if (!root) return [];
    const replies = [...channel.messages.values()].filter((m) => m.thread_ts === rootTs && m.ts !== rootTs).sort((a, b) => compareTs(a.ts, b.ts));
    return [root, ...replies].map(copy);
  }
}

export function compareTs(a: string, b: string): number {
  const [as, am = '0'] = a.split('.');
  const [bs, bm = '0'] = b.split('.');
  return Number(as) - Number(bs) || Number(am) - Number(bm);
}
