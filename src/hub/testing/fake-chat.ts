/**
 * An in-memory chat system for the bridge model test. It keeps messages, lets a "human" act, and
 * turns every change (the bridge's own included, as Slack and Graph do) into an event. `style`
 * picks how its events look: `slack` events carry the text; `graph` events carry only the id and
 * the hub must fetch. `markers: false` drops the bridge marker and the own-author flag, leaving
 * the ledger alone to stop echoes.
 */
import type { CapturedMessageEvent, MessageRef, OutboundMessage } from '../../registry/index.js';
import type { ChatPort, FetchedMessage } from '../types.js';

export interface FakeMessage {
  id: string;
  text: string;
  threadId?: string;
  deleted: boolean;
  byBridge: boolean;
  marker?: string;
  /** For bridge copies: the idempotency key it was sent with (one per origin). */
  key?: string;
}

export interface FakeChatOptions {
  name: string;
  style: 'slack' | 'graph';
  markers: boolean;
}

export class FakeChat {
  readonly messages = new Map<string, FakeMessage>();
  /** Events produced by the bridge's own writes, for the harness to deliver back. */
  readonly echoes: CapturedMessageEvent[] = [];
  /** Every send the bridge made, by idempotency key, to count deliveries. */
  readonly sends: string[] = [];
  private clock = 0;
  private seq = 0;

  constructor(private readonly options: FakeChatOptions) {}

  private tick() {
    this.clock += 1;
    return new Date(Date.UTC(2026, 0, 1) + this.clock * 1000).toISOString();
  }

  private event(type: CapturedMessageEvent['type'], message: FakeMessage): CapturedMessageEvent {
    const self = this.options.markers && message.byBridge;
    const withText = this.options.style === 'slack' && type !== 'deleted';
    return {
      eventId: `${this.options.name}-ev-${++this.seq}`, type, channel: 'general', messageId: message.id,
      threadId: message.threadId, occurredAt: this.tick(),
      ...(withText ? { text: message.text } : {}),
      ...(self ? { fromSelf: true, bridgeMarker: message.marker } : {}),
    };
  }

  postAsHuman(id: string, text: string, threadId?: string): CapturedMessageEvent {
    const message: FakeMessage = { id: `${this.options.name}:${id}`, text, threadId: threadId && `${this.options.name}:${threadId}`, deleted: false, byBridge: false };
    this.messages.set(message.id, message);
    return this.event('posted', message);
  }

  editAsHuman(id: string, text: string): CapturedMessageEvent {
    const message = this.messages.get(`${this.options.name}:${id}`)!;
    message.text = text;
    return this.event('edited', message);
  }

  deleteAsHuman(id: string): CapturedMessageEvent {
    const message = this.messages.get(`${this.options.name}:${id}`)!;
    message.deleted = true;
    return this.event('deleted', message);
  }

  readonly port: ChatPort = {
    send: async (message: OutboundMessage, key: string) => {
      this.sends.push(key);
      const copy: FakeMessage = { id: `${this.options.name}:copy-${this.messages.size + 1}`, text: message.text, threadId: message.threadId, deleted: false, byBridge: true, marker: message.bridgeMarker, key };
      this.messages.set(copy.id, copy);
      this.echoes.push(this.event('posted', copy));
      return { id: copy.id };
    },
    update: async (ref: MessageRef, message: OutboundMessage) => {
      const copy = this.messages.get(ref.id);
      if (!copy || copy.deleted) throw new Error(`${this.options.name}: update of missing ${ref.id}`);
      copy.text = message.text;
      this.echoes.push(this.event('edited', copy));
    },
    delete: async (ref: MessageRef) => {
      const copy = this.messages.get(ref.id);
      if (!copy || copy.deleted) return;
      copy.deleted = true;
      this.echoes.push(this.event('deleted', copy));
    },
    fetch: async (ref: MessageRef): Promise<FetchedMessage | null> => {
      const message = this.messages.get(ref.id);
      if (!message || message.deleted) return null;
      const self = this.options.markers && message.byBridge;
      return { channel: ref.channel, messageId: message.id, text: message.text, threadId: message.threadId, ...(self ? { fromSelf: true, bridgeMarker: message.marker } : {}) };
    },
  };

  live(): FakeMessage[] {
    return [...this.messages.values()].filter((m) => !m.deleted);
  }
}
