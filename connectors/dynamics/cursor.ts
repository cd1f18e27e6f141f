/**
 * The read cursor. A finished read leaves `{ since, delta, of }`: the change-tracking
 * `$deltatoken` the next incremental read asks from, the newest `modifiedon` committed (a
 * datetime a platform that knows no delta tokens can restart from) and which kind of read left
 * it. While a read is under way each page also carries `read`: the next page's link, the
 * high-water mark and when the read began, so a crash resumes after the last committed page.
 *
 * Change tracking answers the whole table once (the last page brings the first delta token) and
 * afterwards only what changed, deletions included (learn.microsoft.com/power-apps/developer/
 * data-platform/use-change-tracking-synchronize-data-external-systems). It refuses `$filter`, so
 * a read that starts from a bare datetime reads the table and keeps the rows changed since.
 */
import { z } from 'zod';
import type { SyncMode } from '../../src/registry/index.js';
import { advance } from '../../src/stream/index.js';
import type { DataverseEntity } from './entities.js';
import { API_ROOT, entityPath, queryString } from './odata.js';

/** A datetime checkpoint is read from this much earlier (clock skew between us and Dataverse). @default 5 minutes */
export const LOOKBACK_MS = 5 * 60_000;

const readSchema = z.object({
  mode: z.enum(['full', 'incremental']),
  /** The next page: a path on the configured host (an `@odata.nextLink`, or the first request). */
  next: z.string().startsWith(`${API_ROOT}/`),
  /** Rows modified before this are skipped (a read started from a datetime checkpoint). */
  from: z.string().optional(),
  /** The newest `modifiedon` yielded so far. */
  high: z.string().optional(),
  /** When the read began, on this machine's clock. */
  startedAt: z.string(),
});

const cursorSchema = z.object({
  since: z.string().optional(),
  delta: z.string().min(1).optional(),
  of: z.enum(['full', 'incremental']).optional(),
  read: readSchema.optional(),
});

export type ReadState = z.infer<typeof readSchema>;
export type DynamicsCursor = z.infer<typeof cursorSchema>;

export function parseCursor(value: unknown): DynamicsCursor {
  const parsed = cursorSchema.safeParse(value);
  return parsed.success && (parsed.data.since === undefined || !Number.isNaN(Date.parse(parsed.data.since))) ? parsed.data : {};
}

/** The first request of a change-tracking read of the whole table, or of the changes after a token. */
export function firstLink(entity: DataverseEntity, deltaToken?: string): string {
  return entityPath(entity.set) + queryString({ $select: entity.columns.join(','), $deltatoken: deltaToken });
}

export type Start = { nothing: DynamicsCursor } | { state: ReadState; base: DynamicsCursor };

/** Where a read starts, by the runner's cursor convention. `base` is what every page keeps. */
export function startOf(entity: DataverseEntity, cursor: DynamicsCursor, mode: SyncMode, now: number): Start {
  const { read, ...base } = cursor;
  const startedAt = new Date(now).toISOString();
  // An interrupted full read finishes first, or what it had not reached would never be read.
  if (read && (mode === 'incremental' || read.mode === 'full')) return { state: read, base };
  // The last page of this full read was committed already.
  if (mode === 'full' && !read && base.of === 'full' && base.delta) return { nothing: base };
  if (mode === 'full' || (!base.delta && !base.since)) return { state: { mode, next: firstLink(entity), startedAt }, base: {} };
  if (base.delta) return { state: { mode, next: firstLink(entity, base.delta), startedAt }, base };
  const from = new Date(Date.parse(base.since!) - LOOKBACK_MS).toISOString();
  return { state: { mode, next: firstLink(entity), from, startedAt }, base };
}

/**
 * Where to start again when the first request of a read is refused: a stale page link falls
 * back to the read it belonged to, a refused (expired) delta token to a read of the whole table
 * that keeps the rows changed since the datetime checkpoint. Nothing else is retried.
 */
export function fallbackOf(cursor: DynamicsCursor): DynamicsCursor | undefined {
  const { read, ...base } = cursor;
  if (read) return base;
  if (base.delta) return { ...(base.since ? { since: base.since } : {}), ...(base.of ? { of: base.of } : {}) };
  return undefined;
}

/** The checkpoint a finished read leaves: never later than the read's start, never earlier than before. */
export function finished(state: ReadState, base: DynamicsCursor, deltaToken: string): DynamicsCursor {
  const ceiling = Date.parse(state.startedAt);
  let value = state.high === undefined ? ceiling : Math.min(Date.parse(state.high), ceiling);
  if (base.since !== undefined) value = Math.max(value, Date.parse(base.since));
  return { since: new Date(value).toISOString(), delta: deltaToken, of: state.mode };
}

/** Raises the high-water mark; never lowers it. */
export function raise(high: string | undefined, value: unknown): string | undefined {
  if (typeof value !== 'string') return high;
  return advance(high === undefined ? undefined : { since: high }, value)?.since;
}
