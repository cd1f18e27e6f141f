/**
 * The read cursor. NetSuite's times are wall-clock text in the integration user's time zone
 * (`2024-01-15T10:35:00`, through TO_CHAR), compared in SuiteQL in that same zone; the cursor
 * keeps them as NetSuite wrote them, so reads never depend on knowing the zone.
 *
 * A finished read leaves `{ since }`: the newest lastmodifieddate it read (null when it read
 * nothing and had no checkpoint). The next incremental read asks for everything modified at or
 * after `since` minus a lookback, then for deletions in the same window. While a read is under
 * way each page also carries `read`: the phase, the keyset of the last row committed, the
 * high-water mark, so a resumed read continues with a fresh query after that row.
 */
import { z } from 'zod';
import type { SyncMode } from '../../src/registry/index.js';
import { WALL_TIME } from './suiteql.js';

/**
 * Re-read this much before the checkpoint: records are stamped when a save starts, and a slow
 * save (workflows, scripts) commits after quicker ones were read. Re-reads cost nothing (same
 * content hash); a lost change is not recoverable. @default 10 minutes
 */
export const LOOKBACK_MS = 10 * 60_000;

const wall = z.string().regex(WALL_TIME);

const readStateSchema = z.object({
  mode: z.enum(['full', 'incremental']),
  /** live: the object's table; deleted: `DeletedRecord` rows of its type (tombstones). */
  phase: z.enum(['live', 'deleted']),
  /** Incremental reads: the inclusive lower bound. */
  from: wall.optional(),
  /** The last row committed in this phase; the next query starts strictly after it. */
  after: z.object({ at: wall, id: z.string().regex(/^\d+$/) }).optional(),
  /** The newest lastmodifieddate read so far. */
  high: wall.optional(),
  /** When the read began, on this machine's clock (ISO 8601). */
  startedAt: z.iso.datetime(),
});

export const netsuiteCursorSchema = z.object({ since: wall.nullable().optional(), read: readStateSchema.optional() });

export type ReadState = z.infer<typeof readStateSchema>;
export type NetsuiteCursor = z.infer<typeof netsuiteCursorSchema>;
export type Start = { kind: 'read'; state: ReadState; since?: string | null } | { kind: 'finished'; cursor: NetsuiteCursor };

/** Wall-clock text moved by `ms` (naive arithmetic: the text carries no zone). */
export function shiftWall(value: string, ms: number): string {
  return new Date(Date.parse(`${value}Z`) + ms).toISOString().slice(0, 19);
}

export const wallOf = (date: Date) => date.toISOString().slice(0, 19);

/** Where a read starts, by the runner's cursor convention. */
export function startingState(cursor: unknown, mode: SyncMode, now: Date): Start {
  const parsed = netsuiteCursorSchema.safeParse(cursor);
  const given: NetsuiteCursor = parsed.success ? parsed.data : {};
  // An interrupted read continues in its own mode: a full read must finish, or what it had not
  // reached would never be read; an incremental one resumes after its last committed row.
  if (given.read && (mode === 'incremental' || given.read.mode === 'full')) return { kind: 'read', state: given.read, since: given.since };
  // The last page of a full read was committed already: nothing is left of that read.
  if (mode === 'full' && cursor !== null && given.since !== undefined && !given.read) return { kind: 'finished', cursor: { since: given.since } };
  const startedAt = now.toISOString();
  if (mode === 'incremental' && given.since) {
    return { kind: 'read', state: { mode, phase: 'live', from: shiftWall(given.since, -LOOKBACK_MS), startedAt }, since: given.since };
  }
  return { kind: 'read', state: { mode: 'full', phase: 'live', startedAt }, since: mode === 'incremental' ? given.since : undefined };
}

/**
 * The checkpoint a finished read leaves: the newest modification read, capped at the read's
 * start read as UTC wall time, never earlier than the checkpoint it started from. The cap only
 * ever moves the checkpoint back (an account whose zone is ahead of UTC re-reads a few hours);
 * with nothing read, the old checkpoint stays, as this machine's clock says nothing of NetSuite's.
 */
export function finishedSince(state: ReadState, since: string | null | undefined): string | null {
  const ceiling = wallOf(new Date(state.startedAt));
  const high = state.high === undefined ? undefined : state.high < ceiling ? state.high : ceiling;
  const candidates = [high, since ?? undefined].filter((v): v is string => v !== undefined);
  return candidates.length === 0 ? null : candidates.sort().at(-1)!;
}

export function raise(high: string | undefined, value: string | undefined): string | undefined {
  if (value === undefined || !WALL_TIME.test(value)) return high;
  return high === undefined || value > high ? value : high;
}
