/**
 * The bridge ledger contract: which human message crossed, where its copy is, what it last said.
 * Two implementations share it: PostgreSQL for the platform, memory for the exhaustive model test.
 */
import { createHash } from 'node:crypto';
import type { BridgeSide } from './types.js';

export interface LedgerEntry {
  /** The copy's id on the other side; null until it is posted. */
  copyId: string | null;
  state: 'live' | 'deleted';
  textHash: string | null;
  /** The vendor time of the last change applied (ISO 8601). */
  lastChangeAt: string | null;
}

export interface BridgeLedger {
  /** True when `messageId` on `side` is the copy of a message from the other side. */
  isCopy(bridgeId: string, side: BridgeSide, messageId: string): Promise<boolean>;
  /**
   * The id on the other side that `messageId` on `side` corresponds to (its copy or its origin);
   * `id` is null for a message deleted before it crossed. Undefined: not seen yet.
   */
  counterpart(bridgeId: string, side: BridgeSide, messageId: string): Promise<{ id: string | null; deleted: boolean } | undefined>;
  /**
   * Runs `fn` holding the origin's entry (null when unseen), one caller at a time per origin; the
   * entry `fn` answers is stored with its result. If `fn` throws, nothing is stored.
   */
  withOrigin<T>(bridgeId: string, side: BridgeSide, originId: string, fn: (entry: LedgerEntry | null) => Promise<{ entry?: LedgerEntry; result: T }>): Promise<T>;
}

export const textHash = (text: string): string => createHash('sha256').update(text).digest('base64url');
