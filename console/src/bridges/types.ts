/**
 * The bridge API as the console reads it (camelCase answers, snake_case create body, as the API
 * has them): a bridge joins a channel on one chat connection (side a) with a channel on another
 * (side b), and its ledger records every message that crossed.
 */

export type BridgeSide = 'a' | 'b';

export interface BridgeEnd {
  connectionId: string;
  channel: string;
  /** When the vendor's push subscription for this end lapses (renewed by the platform); null when the vendor needs none. */
  subscriptionExpiresAt: string | null;
}

export interface Bridge {
  id: string;
  name: string;
  enabled: boolean;
  a: BridgeEnd;
  b: BridgeEnd;
}

/** One message that crossed: where it was written, and the id of its copy on the other side. */
export interface LedgerEntry {
  originSide: BridgeSide;
  originId: string;
  /** Null while the copy is not made yet (or the message was deleted before it crossed). */
  copyId: string | null;
  /** `live` or `deleted`. */
  state: string;
  updatedAt: string;
}

export interface BridgeWithMessages extends Bridge {
  /** The latest ledger rows, newest first. */
  messages: LedgerEntry[];
}

export interface NewBridgeEnd {
  connection_id: string;
  channel: string;
}

export interface NewBridge {
  name: string;
  a: NewBridgeEnd;
  b: NewBridgeEnd;
}

/** A connection that can sit at a bridge's end, with its connector's name for people. */
export interface ChatConnection {
  id: string;
  name: string;
  connectorId: string;
  connectorName: string;
  status: string;
}
