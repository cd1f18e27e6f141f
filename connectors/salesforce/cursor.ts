/**
 * The read cursor. A finished read leaves `{ since }`: the next incremental read asks for
 * everything whose SystemModstamp is at or after `since` minus a lookback. While a read is under
 * way each page also carries `read`: the phase (live records, then the Recycle Bin), the last
 * record committed as a keyset position (SystemModstamp, Id), and the high-water mark. A resumed
 * read starts a fresh query after that position rather than reusing the query locator, which
 * expires after 15 minutes unused and is released once a user opens ten others.
 */
import { z } from 'zod';
import type { SyncMode } from '../../src/registry/index.js';
import { advance, queryFrom } from '../../src/stream/index.js';

/**
 * Re-read this much before the checkpoint. SystemModstamp is stamped when a transaction starts,
 * so a long one (a trigger chain, a bulk job) commits records stamped earlier than others already
 * read; and our clock is not Salesforce's. Re-reading is free (same hash), losing one is not.
 * @default 5 minutes
 */
export const LOOKBACK_MS = 5 * 60_000;

// Checked as instants: a cursor is stored data, and its values go into SOQL text.
const instant = z.iso.datetime({ offset: true });

const readStateSchema = z.object({
  mode: z.enum(['full', 'incremental']),
  /** live: `query` (not deleted); deleted: `queryAll … IsDeleted = true` (tombstones). */
  phase: z.enum(['live', 'deleted']),
  /** Incremental: the inclusive lower bound on SystemModstamp. */
  from: instant.optional(),
  /** The last record committed in this phase; the next query starts strictly after it. */
  after: z.object({ at: instant, id: z.string().regex(/^[A-Za-z0-9]{15,18}$/) }).optional(),
  /** The newest SystemModstamp seen so far. */
  high: instant.optional(),
  /** When the read began, on this machine's clock. */
  startedAt: instant,
});

export const salesforceCursorSchema = z.object({ since: instant.optional(), read: readStateSchema.optional() });

export type ReadState = z.infer<typeof readStateSchema>;
export type SalesforceCursor = z.infer<typeof salesforceCursorSchema>;

export type Start = { kind: 'read'; state: ReadState; since?: string } | { kind: 'finished'; cursor: SalesforceCursor };

/** Where a read starts, by the runner's cursor convention. */
export function startingState(cursor: unknown, mode: SyncMode, now: Date): Start {
  const parsed = salesforceCursorSchema.safeParse(cursor);
  const given: SalesforceCursor = parsed.success ? parsed.data : {};
  // A read in progress continues in its own mode: an interrupted full read must finish, or the
  // records it had not reached would never be read; an interrupted incremental one resumes.
  if (given.read && (mode === 'incremental' || given.read.mode === 'full')) return { kind: 'read', state: given.read, since: given.since };
  // A full read's last page was committed: nothing is left of that read.
  if (mode === 'full' && given.since && !given.read && cursor !== null) return { kind: 'finished', cursor: { since: given.since } };
  const startedAt = now.toISOString();
  const lower = mode === 'incremental' && given.since ? queryFrom({ since: given.since }, LOOKBACK_MS) : undefined;
  if (lower && !Number.isNaN(lower.getTime())) {
    return { kind: 'read', state: { mode, phase: 'live', from: lower.toISOString(), high: given.since, startedAt }, since: given.since };
  }
  return { kind: 'read', state: { mode: 'full', phase: 'live', startedAt } };
}

/**
 * The checkpoint a finished read leaves: the newest change seen, never later than the read's
 * start (a record changed after it began may sit on a page already read) and never earlier than
 * the checkpoint it started from.
 */
export function finishedSince(state: ReadState, since: string | undefined): string {
  const started = Date.parse(state.startedAt);
  let value = state.high === undefined ? started : Math.min(Date.parse(state.high), started);
  if (since !== undefined) value = Math.max(value, Date.parse(since));
  return new Date(value).toISOString();
}

export function raise(high: string | undefined, value: string | undefined): string | undefined {
  return advance(high === undefined ? undefined : { since: high }, value)?.since;
}
