/**
 * What every collection answer shares: the `$select` list (unknown columns refused as Dataverse
 * refuses them), the `@odata.context`, links back to the same query with a new `$skiptoken` or
 * a `$deltatoken`, and the OData headers with the preferences applied.
 */
import type { SandboxRequest, SandboxResponse } from '../../../src/sandbox/index.js';
import { noProperty, ODATA_HEADERS } from './errors.js';
import { cookieText, type Cookie } from './paging.js';
import { render, selectable, type Preferences } from './render.js';
import type { Table } from './schema.js';
import type { Row } from './store.js';

export interface Listing {
  table: Table;
  req: SandboxRequest;
  /** `v9.2`, as the caller addressed it. */
  version: string;
  select: string[] | undefined;
  prefs: Preferences;
  pageSize: number;
}

export function parseSelect(table: Table, text: string | null): string[] | undefined {
  if (text === null || text.trim() === '') return undefined;
  const known = new Set(selectable(table));
  const columns = text.split(',').map((c) => c.trim()).filter(Boolean);
  for (const column of columns) if (!known.has(column)) throw noProperty(column, table.logicalName);
  return columns;
}

export const apiBase = (l: Listing) => `${l.req.baseUrl}/api/data/${l.version}`;

export function context(l: Listing, suffix = ''): string {
  return `${apiBase(l)}/$metadata#${l.table.set}${l.select ? `(${l.select.join(',')})` : ''}${suffix}`;
}

/** The same query with its paging or delta parameters replaced. */
export function link(l: Listing, params: { cookie?: Cookie; delta?: string }): string {
  const kept = [...l.req.searchParams].filter(([k]) => k !== '$skiptoken' && k !== '$deltatoken');
  if (params.delta) kept.push(['$deltatoken', params.delta]);
  if (params.cookie) kept.push(['$skiptoken', cookieText(l.table.primaryKey, params.cookie)]);
  const query = kept.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return `${apiBase(l)}/${l.table.set}${query ? `?${query}` : ''}`;
}

export const rendered = (l: Listing, rows: readonly Row[]) => rows.map((row) => render(l.table, row, l.select, l.prefs));

export function answer(l: Listing, body: Record<string, unknown>, applied: string[]): SandboxResponse {
  const headers: Record<string, string> = { ...ODATA_HEADERS };
  if (applied.length > 0) headers['preference-applied'] = applied.join(',');
  return { status: 200, headers, body };
}

/** Preferences honoured on this answer, as `Preference-Applied` reports them. */
export function appliedOf(l: Listing, tracking: boolean): string[] {
  const applied: string[] = [];
  if (tracking) applied.push('odata.track-changes');
  if (l.prefs.maxPageSize !== undefined) applied.push(`odata.maxpagesize=${l.pageSize}`);
  const annotations = /odata\.include-annotations=("[^"]*"|[^,]+)/.exec(l.req.headers.prefer ?? '');
  if (annotations) applied.push(`odata.include-annotations=${annotations[1]}`);
  return applied;
}
