/**
 * The event hub's vocabulary: a bridge joins two chat channels (side a and side b); each side is
 * reached through a ChatPort bound to its connection.
 */
import type { CapturedMessageEvent, MessageRef, OutboundMessage } from '../registry/index.js';

export type BridgeSide = 'a' | 'b';

export const otherSide = (side: BridgeSide): BridgeSide => (side === 'a' ? 'b' : 'a');

export interface BridgeEndpoint {
  connectionId: string;
  channel: string;
}

export interface Bridge {
  id: string;
  workspaceId: string;
  name: string;
  a: BridgeEndpoint;
  b: BridgeEndpoint;
  enabled: boolean;
}

/** What the hub learns of a message it has to fetch (notifications without content). */
export type FetchedMessage = Omit<CapturedMessageEvent, 'eventId' | 'type' | 'occurredAt'>;

/** One side's chat operations, bound to its connection. */
export interface ChatPort {
  send(message: OutboundMessage, idempotencyKey: string): Promise<{ id: string }>;
  update(ref: MessageRef, message: OutboundMessage): Promise<void>;
  delete(ref: MessageRef): Promise<void>;
  fetch?(ref: MessageRef & { threadId?: string }): Promise<FetchedMessage | null>;
}

/** What handling one captured event did. */
export type HandleResult =
  | 'echo' // a bridged copy, or our own bot: never crosses back
  | 'posted' | 'edited' | 'deleted'
  | 'unchanged' // a redelivery: the copy already says this
  | 'stale' // an edit older than the one already applied
  | 'ignored' // the message was deleted before this event arrived
  | 'deferred'; // a thread reply whose root has not crossed yet: try again later
