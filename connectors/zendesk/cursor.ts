/**
 * The read cursor. A finished read leaves `{ since, of }`: the newest change committed (an
 * incremental read exports from `since` minus a lookback) and which kind of read left it. While
 * a read is under way each page also carries `read`: the phase, Zendesk's own position (the
 * export's `after_cursor`, the time-based `start_time`, the deleted-tickets `page[after]`) and
 * the high-water mark, so a crash resumes after the last committed page.
 *
 * Zendesk leaves the last minute out of every export and refuses a `start_time` inside it
 * (developer.zendesk.com "Using the Incremental Export API"; amp-labs/connectors#1402), so a
 * finished read never claims more than its start minus that minute, and a checkpoint that
 * recent has nothing to export yet.
 */
import { z } from 'zod';
import type { SyncMode } from '../../src/registry/index.js';
import { advance } from '../../src/stream/index.js';

/** Re-read this much before the checkpoint; re-reads cost nothing (same content hash). @default 5 minutes */
export const LOOKBACK_MS = 5 * 60_000;
/** Zendesk's export delay: changes of the last minute are not exported yet. */
export const EXPORT_DELAY_MS = 60_000;

const readStateSchema = z.object({
  mode: z.enum(['full', 'incremental']),
  /** export: the incremental export; deleted: tickets' deleted list (incremental reads only). */
  phase: z.enum(['export', 'deleted']),
  /** The read's inclusive lower bound, epoch seconds (0 for a full read). */
  from: z.number().int().nonnegative(),
  /** Cursor-based exports: Zendesk's `after_cursor` to continue from. */
  after: z.string().optional(),
  /** Time-based exports: the `start_time` of the next page (the last page's `end_time`). */
  startTime: z.number().int().nonnegative().optional(),
  /** Time-based exports: ids already read in the `startTime` second, which Zendesk sends again. */
  seen: z.array(z.string()).optional(),
  /** Deleted tickets: the next `page[after]`. */
  deletedAfter: z.string().optional(),
  /** The newest change seen so far. */
  high: z.string().optional(),
  /** When the read began, on this machine's clock. */
  startedAt: z.string(),
});

const cursorSchema = z.object({
  since: z.string().optional(),
  of: z.enum(['full', 'incremental']).optional(),
  read: readStateSchema.optional(),
});

export type ReadState = z.infer<typeof readStateSchema>;
export type ZendeskCursor = z.infer<typeof cursorSchema>;

const ms = (value: string) => Date.parse(value);
const iso = (value: number) => new Date(value).toISOString();

export function parseCursor(value: unknown): ZendeskCursor {
  const parsed = cursorSchema.safeParse(value);
  return parsed.success && (parsed.data.since === undefined || !Number.isNaN(ms(parsed.data.since))) ? parsed.data : {};
}

export type Start = { state: ReadState; since?: string } | { nothing: ZendeskCursor };

/** Where a read starts, by the runner's cursor convention. */
export function startOf(cursor: unknown, mode: SyncMode, now: number): Start {
  const given = parseCursor(cursor);
  // An interrupted full read finishes, or what it had not reached would never be read.
  if (given.read && (mode === 'incremental' || given.read.mode === 'full')) return { state: given.read, since: given.since };
  const startedAt = iso(now);
  // The last page of this full read was already committed.
  if (mode === 'full' && given.of === 'full' && given.since && !given.read) return { nothing: { since: given.since, of: 'full' } };
  if (mode === 'full' || !given.since) return { state: { mode: 'full', phase: 'export', from: 0, startedAt } };
  const from = Math.max(0, Math.floor((ms(given.since) - LOOKBACK_MS) / 1000));
  // Nothing can be exported from inside the last minute (a checkpoint in the future included).
  if (from * 1000 > now - EXPORT_DELAY_MS) return { nothing: { since: given.since, of: 'incremental' } };
  return { state: { mode: 'incremental', phase: 'export', from, startedAt }, since: given.since };
}

/**
 * The checkpoint a finished read leaves: the newest change seen, never later than what Zendesk
 * could have exported (the read's start minus the export delay), never earlier than where it began.
 */
export function finishedSince(state: ReadState, since: string | undefined): string {
  const ceiling = ms(state.startedAt) - EXPORT_DELAY_MS;
  let value = state.high === undefined ? ceiling : Math.min(ms(state.high), ceiling);
  if (since !== undefined) value = Math.max(value, ms(since));
  return iso(value);
}

/** Raises the high-water mark with an ISO time or epoch seconds; never lowers it. */
export function raise(high: string | undefined, value: string | number | undefined): string | undefined {
  return advance(high === undefined ? undefined : { since: high }, value)?.since;
}
