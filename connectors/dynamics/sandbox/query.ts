/**
 * `GET /api/data/v9.2/{set}`: a change-tracking read (tracking.ts) or a plain query with
 * `$filter`, `$orderby` and `$top`, paged by `Prefer: odata.maxpagesize` (at most 5,000, the
 * default) and `@odata.nextLink`. Change tracking refuses `$filter`, `$orderby`, `$expand` and
 * `$top`, as the change-tracking article says.
 */
import type { SandboxRequest, SandboxResponse } from '../../../src/sandbox/index.js';
import { answer, appliedOf, context, link, parseSelect, rendered, type Listing } from './collection.js';
import { dvError, noProperty, trackingRefuses } from './errors.js';
import { columnsOf, matches, parseFilter } from './filter.js';
import { parseCookie } from './paging.js';
import { parsePrefer, selectable } from './render.js';
import type { Table } from './schema.js';
import type { Row } from './store.js';
import { changesSince, wholeTable, type TrackingContext } from './tracking.js';

export const MAX_PAGE_SIZE = 5000;

/** A column's value as `$filter` and `$orderby` compare it. */
export function valueOf(table: Table, row: Row, column: string): unknown {
  if (column === table.primaryKey) return row.id;
  if (column === 'createdon' || column === 'modifiedon') return row[column];
  if (column === 'versionnumber') return row.versionnumber;
  const value = row.values[column] ?? null;
  if (table.lookups[column]) return (value as { id: string } | null)?.id ?? null;
  if (table.columns[column]?.type === 'datetime' && typeof value === 'string') return Date.parse(value);
  return value;
}

function plainQuery(l: Listing, t: TrackingContext, offset: number, page: number): SandboxResponse {
  const q = l.req.searchParams;
  const known = new Set(selectable(l.table));
  const filter = q.get('$filter') ? parseFilter(q.get('$filter')!) : undefined;
  for (const column of filter ? columnsOf(filter) : []) if (!known.has(column)) throw noProperty(column, l.table.logicalName);
  const order = (q.get('$orderby') ?? '').split(',').map((s) => s.trim().split(/\s+/)).filter((p) => p[0]);
  for (const [column] of order) if (!known.has(column!)) throw noProperty(column!, l.table.logicalName);
  let rows = t.store.rows(l.table).filter((row) => !filter || matches(filter, (c) => valueOf(l.table, row, c)));
  if (order.length > 0) {
    rows = [...rows].sort((a, b) => {
      for (const [column, dir] of order) {
        const va = valueOf(l.table, a, column!) as string | number;
        const vb = valueOf(l.table, b, column!) as string | number;
        if (va !== vb) return (va < vb || va === null ? -1 : 1) * (dir?.toLowerCase() === 'desc' ? -1 : 1);
      }
      return 0;
    });
  }
  const top = q.get('$top') ? Number(q.get('$top')) : undefined;
  if (top !== undefined) rows = rows.slice(0, top);
  const slice = rows.slice(offset, offset + l.pageSize);
  const body: Record<string, unknown> = { '@odata.context': context(l), value: rendered(l, slice) };
  if (offset + slice.length < rows.length) body['@odata.nextLink'] = link(l, { cookie: { page: page + 1, tracking: false, offset: offset + slice.length, last: slice.at(-1)!.id } });
  return answer(l, body, appliedOf(l, false));
}

export function queryCollection(t: TrackingContext, table: Table, req: SandboxRequest, version: string): SandboxResponse {
  const q = req.searchParams;
  const prefs = parsePrefer(req.headers.prefer);
  const cookie = q.get('$skiptoken') ? parseCookie(q.get('$skiptoken')!) : undefined;
  const delta = q.get('$deltatoken');
  // A table without "Track changes" ignores the preference (unverified: Dataverse may refuse it instead).
  const untracked = t.untracked.has(table.set);
  if (untracked && delta !== null) throw dvError(400, '0x80060888', `Change tracking is not enabled for the entity '${table.logicalName}'.`);
  const tracking = !untracked && (prefs.trackChanges || delta !== null || cookie?.tracking === true);
  for (const option of ['$filter', '$orderby', '$expand', '$top']) if (tracking && q.has(option)) throw trackingRefuses(option);
  if (q.has('$expand')) throw dvError(501, '0x80060888', '$expand is not implemented by this sandbox.');
  const pageSize = Math.min(prefs.maxPageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const listing: Listing = { table, req, version, select: parseSelect(table, q.get('$select')), prefs, pageSize };
  if (delta !== null) return changesSince(t, listing, delta, cookie);
  if (tracking) return wholeTable(t, listing, cookie);
  return plainQuery(listing, t, cookie?.offset ?? 0, cookie?.page ?? 1);
}
