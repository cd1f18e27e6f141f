/**
 * The read cursor. A finished read leaves `{ since }` (the stream's datetime cursor: the next
 * incremental read asks for everything modified at or after `since` minus a lookback). While a
 * read is under way each page also carries `read`: the phase, the page position and the
 * high-water mark, so a crash resumes after the last committed page instead of starting over.
 */
import { z } from 'zod';
import type { SyncMode } from '../../src/registry/index.js';
import { advance, queryFrom } from '../../src/stream/index.js';

/**
 * Re-read this much before the checkpoint: HubSpot's search index trails writes ("it may take a
 * few moments for newly created or updated CRM objects to appear in search results"), and
 * re-reading is free (unchanged records hash the same), losing one is not.
 * @default 5 minutes
 */
export const LOOKBACK_MS = 5 * 60_000;

const readStateSchema = z.object({
  mode: z.enum(['full', 'incremental']),
  /** live: the list endpoint; search: modified since; archived: `archived=true` (tombstones). */
  phase: z.enum(['live', 'search', 'archived']),
  /** The list endpoints' `paging.next.after`; absent at a phase's first page. */
  after: z.string().optional(),
  /** Search: the inclusive lower bound of the current query. */
  from: z.string().optional(),
  /** Search: walking records that share `from` to the millisecond, by id, after this id. */
  tieAfterId: z.string().optional(),
  /** Incremental: tombstones archived at or after this instant. */
  archivedFrom: z.string().optional(),
  /** The newest modification (or archival) seen so far. */
  high: z.string().optional(),
  /** When the read began, on this machine's clock. */
  startedAt: z.string(),
});

export const hubspotCursorSchema = z.object({ since: z.string().optional(), read: readStateSchema.optional() });

export type ReadState = z.infer<typeof readStateSchema>;
export type HubspotCursor = z.infer<typeof hubspotCursorSchema>;

/** Epoch ms of an ISO string or of HubSpot's epoch-millisecond strings. */
export function toMs(value: string): number {
  return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Where a read starts, given the runner's cursor convention. */
export function startingState(cursor: unknown, mode: SyncMode, now: Date): { state: ReadState; since?: string } {
  const parsed = hubspotCursorSchema.safeParse(cursor);
  const given: HubspotCursor = parsed.success ? parsed.data : {};
  // A read in progress continues in its own mode: an interrupted full read must finish, or the
  // records it had not reached would never be read; an interrupted incremental one resumes.
  if (given.read && (mode === 'incremental' || given.read.mode === 'full')) return { state: given.read, since: given.since };
  const startedAt = now.toISOString();
  const lower = mode === 'incremental' && given.since ? queryFrom({ since: given.since }, LOOKBACK_MS) : undefined;
  if (lower && given.since && !Number.isNaN(lower.getTime())) {
    const from = lower.toISOString();
    return { state: { mode, phase: 'search', from, archivedFrom: from, high: given.since, startedAt }, since: given.since };
  }
  // No checkpoint to go from: read everything.
  return { state: { mode: 'full', phase: 'live', startedAt } };
}

/**
 * The checkpoint a finished read leaves: the newest change seen, but never later than the read's
 * start (a record changed on a page already read is newer than the start and is read next time)
 * and never earlier than the checkpoint it started from.
 */
export function finishedSince(state: ReadState, since: string | undefined): string {
  const started = toMs(state.startedAt);
  let value = state.high === undefined ? started : Math.min(toMs(state.high), started);
  if (since !== undefined) value = Math.max(value, toMs(since));
  return iso(value);
}

/** Raises the high-water mark; unreadable or older times leave it as it is. */
export function raise(high: string | undefined, value: string | null | undefined): string | undefined {
  return advance(high === undefined ? undefined : { since: high }, value ?? undefined)?.since;
}
