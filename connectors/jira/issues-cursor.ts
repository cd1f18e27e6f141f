/**
 * The issue read cursor. A finished read leaves `{ since }`: the platform's datetime cursor, the
 * newest `updated` committed (never later than the read's start). While a read is under way each
 * page also carries `read`: the inclusive lower bound, the JQL and Jira's `nextPageToken` for the
 * next page, and the high-water mark, so a crash resumes after the last committed page.
 */
import { z } from 'zod';
import type { SyncMode } from '../../src/registry/index.js';
import { advance } from '../../src/stream/index.js';

/**
 * Re-read this much before the checkpoint. JQL dates have minute resolution, and the enhanced
 * search is eventually consistent ("recent updates might not be immediately visible"): an issue
 * changed just before the checkpoint may only show up later. Re-reading is free (the runner's
 * content hash makes it a no-op), losing one is not.
 * @default 5 minutes
 */
export const LOOKBACK_MS = 5 * 60_000;

/** Full reads ask for everything changed since the epoch: the search refuses unbounded JQL. */
export const FULL_READ_FROM = new Date(0).toISOString();

const readStateSchema = z.object({
  mode: z.enum(['full', 'incremental']),
  /** Inclusive lower bound, to the millisecond; the JQL says it to the minute, rounded down. */
  from: z.string(),
  /** The query `token` belongs to: a token is only valid with the JQL it came from. */
  jql: z.string().optional(),
  /** Jira's `nextPageToken` for the next page; absent at the first. */
  token: z.string().optional(),
  /** The newest `updated` seen so far. */
  high: z.string().optional(),
  startedAt: z.string(),
});

export const issuesCursorSchema = z.object({ since: z.string().optional(), read: readStateSchema.optional() });

export type IssueReadState = z.infer<typeof readStateSchema>;
export type IssuesCursor = z.infer<typeof issuesCursorSchema>;

export type Start =
  | { finished: IssuesCursor }
  | { state: IssueReadState; since?: string };

/** Where a read starts, by the runner's cursor convention. */
export function startingState(cursor: unknown, mode: SyncMode, now: Date): Start {
  const parsed = issuesCursorSchema.safeParse(cursor);
  const given: IssuesCursor = parsed.success ? parsed.data : {};
  // An interrupted full read must finish (the issues it had not reached would never be read);
  // an interrupted incremental read resumes.
  if (given.read && (mode === 'incremental' || given.read.mode === 'full')) return { state: given.read, since: given.since };
  // Full mode with a finished full read's last cursor: nothing is left after that page.
  if (mode === 'full' && given.since !== undefined) return { finished: given };
  const startedAt = now.toISOString();
  if (mode === 'incremental' && given.since !== undefined && !Number.isNaN(Date.parse(given.since))) {
    return { state: { mode, from: new Date(Date.parse(given.since) - LOOKBACK_MS).toISOString(), startedAt }, since: given.since };
  }
  return { state: { mode: 'full', from: FULL_READ_FROM, startedAt } };
}

/**
 * The checkpoint a finished read leaves: the newest change seen, never later than the read's
 * start (an issue changed on a page already read is newer and is read next time), never
 * earlier than the checkpoint it started from.
 */
export function finishedSince(state: IssueReadState, since: string | undefined): string {
  const started = Date.parse(state.startedAt);
  let value = state.high === undefined ? started : Math.min(Date.parse(state.high), started);
  if (since !== undefined && !Number.isNaN(Date.parse(since))) value = Math.max(value, Date.parse(since));
  return new Date(value).toISOString();
}

/** Raises the high-water mark with Jira's `updated` (`2024-05-01T13:07:12.345-0700`). */
export function raise(high: string | undefined, updated: string | undefined): string | undefined {
  return advance(high === undefined ? undefined : { since: high }, updated)?.since;
}
