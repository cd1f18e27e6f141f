/**
 * The datetime cursor most vendors need: read records modified at or after the checkpoint (minus
 * a lookback for clocks and eventual consistency), and advance to the newest modification seen.
 * Inclusive, so records sharing the boundary timestamp are read again rather than lost; the
 * runner's content hash makes the re-read a no-op.
 */
export interface DatetimeCursor {
  /** ISO timestamp of the newest modification committed. */
  since: string;
}

export function isDatetimeCursor(value: unknown): value is DatetimeCursor {
  return typeof value === 'object' && value !== null && typeof (value as DatetimeCursor).since === 'string';
}

/** The lower bound to query from: the checkpoint minus the lookback, or undefined for a first read. */
export function queryFrom(cursor: unknown, lookbackMs = 0): Date | undefined {
  if (!isDatetimeCursor(cursor)) return undefined;
  return new Date(new Date(cursor.since).getTime() - lookbackMs);
}

/** Advances a high-water mark with a record's modification time; never moves it backwards. */
export function advance(cursor: DatetimeCursor | undefined, modifiedAt: string | number | Date | undefined): DatetimeCursor | undefined {
  if (modifiedAt === undefined || modifiedAt === null || modifiedAt === '') return cursor;
  const time = modifiedAt instanceof Date ? modifiedAt : new Date(typeof modifiedAt === 'number' && modifiedAt < 1e11 ? modifiedAt * 1000 : modifiedAt);
  if (Number.isNaN(time.getTime())) return cursor;
  if (cursor && new Date(cursor.since).getTime() >= time.getTime()) return cursor;
  return { since: time.toISOString() };
}
