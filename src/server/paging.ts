/**
 * Keyset paging: an opaque cursor names the last row of a page, so pages stay stable while rows
 * are added (offsets would skip or repeat). The change log pages by its sequence instead.
 */
import { z } from 'zod';
import { ApiError } from './errors.js';

/** @default 50, at most 500 */
export const limitSchema = z.coerce.number().int().min(1).max(500).default(50)
  .meta({ description: 'Items per page (1–500). @default 50' });

export const cursorSchema = z.string().min(1).max(500).optional()
  .meta({ description: 'The `nextCursor` of the previous page; absent for the first page.' });

export function encodeCursor(values: Array<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The cursor's values, or a 400 naming `cursor` when it was not one of ours. */
export function decodeCursor(cursor: string, arity: number): Array<string | number> {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === arity && values.every((v) => typeof v === 'string' || typeof v === 'number')) return values;
  } catch { /* answered below */ }
  throw new ApiError(400, 'validation', 'cursor: not a cursor this API issued', [{ field: 'cursor', message: 'not a cursor this API issued' }]);
}

/** A page of `rows` fetched with `limit + 1`: the extra row only says whether there is more. */
export function pageOf<Row, Item>(rows: Row[], limit: number, toItem: (row: Row) => Item, cursorOf: (row: Row) => Array<string | number>): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(toItem), nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}

/**
 * Newest-first paging on (created_at, id): the SQL condition and parameters for the rows after
 * `cursor`. `created_at` travels as text with microseconds so no row is lost to rounding.
 */
export function timeKeyset(cursor: string | undefined, nextParam: number, column = 'created_at'): { sql: string; params: unknown[] } {
  if (!cursor) return { sql: '', params: [] };
  const [at, id] = decodeCursor(cursor, 2);
  return { sql: `and (${column}, id) < ($${nextParam}::timestamptz, $${nextParam + 1}::uuid)`, params: [String(at), String(id)] };
}

/** Selects the row's time at full precision for `timeKeyset`. */
export const cursorAt = (column = 'created_at') => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at`;
