/**
 * Rows as the Web API shows them: `@odata.etag` from the row version, the primary key always,
 * the `$select`ed columns (all without one), date-times as `2024-06-02T17:40:03Z`, lookups as
 * `_x_value` GUIDs, and the annotations the caller's `Prefer: odata.include-annotations` asks
 * for (choice labels, which table a lookup points at and through which navigation property).
 */
import type { Table } from './schema.js';
import type { LookupValue, Row } from './store.js';

export interface Preferences {
  trackChanges: boolean;
  maxPageSize: number | undefined;
  returnRepresentation: boolean;
  continueOnError: boolean;
  annotation: (name: string) => boolean;
}

/** `Prefer` values, comma-separated (RFC 7240), quotes respected. */
export function parsePrefer(header: string | undefined): Preferences {
  const items = (header ?? '').match(/(?:[^,"]|"[^"]*")+/g)?.map((s) => s.trim()) ?? [];
  const value = (name: string) => items.find((i) => i.toLowerCase().startsWith(`${name}=`))?.slice(name.length + 1).replace(/^"|"$/g, '');
  const size = Number(value('odata.maxpagesize'));
  const patterns = (value('odata.include-annotations') ?? '').split(',').map((p) => p.trim()).filter((p) => p && !p.startsWith('-'));
  return {
    trackChanges: items.some((i) => i.toLowerCase() === 'odata.track-changes'),
    maxPageSize: Number.isInteger(size) && size > 0 ? size : undefined,
    returnRepresentation: items.some((i) => i.toLowerCase() === 'return=representation'),
    continueOnError: items.some((i) => i.toLowerCase() === 'odata.continue-on-error'),
    annotation: (name) => patterns.some((p) => p === '*' || p === name || (p.endsWith('*') && name.startsWith(p.slice(0, -1)))),
  };
}

export const isoSecond = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const FORMATTED = 'OData.Community.Display.V1.FormattedValue';
const LOOKUP_TABLE = 'Microsoft.Dynamics.CRM.lookuplogicalname';
const NAVIGATION = 'Microsoft.Dynamics.CRM.associatednavigationproperty';

/** Every column a `$select` may name. */
export function selectable(table: Table): string[] {
  return [table.primaryKey, ...Object.keys(table.columns), ...Object.keys(table.lookups), 'versionnumber'];
}

export function render(table: Table, row: Row, select: readonly string[] | undefined, prefs: Pick<Preferences, 'annotation'>): Record<string, unknown> {
  const out: Record<string, unknown> = { '@odata.etag': `W/"${row.versionnumber}"` };
  for (const column of select ?? selectable(table)) {
    if (column === table.primaryKey) continue;
    if (column === 'versionnumber') out[column] = row.versionnumber;
    else if (column === 'createdon' || column === 'modifiedon') out[column] = isoSecond(row[column]);
    else if (table.lookups[column]) {
      const lookup = (row.values[column] ?? null) as LookupValue | null;
      out[column] = lookup?.id ?? null;
      if (lookup && prefs.annotation(LOOKUP_TABLE)) out[`${column}@${LOOKUP_TABLE}`] = lookup.table;
      if (lookup && prefs.annotation(NAVIGATION)) {
        const navigation = Object.entries(table.lookups[column]!.navigation).find(([, target]) => target === lookup.table)?.[0];
        if (navigation) out[`${column}@${NAVIGATION}`] = navigation;
      }
    } else {
      const value = row.values[column] ?? null;
      out[column] = value;
      const label = table.columns[column]?.choices?.[value as number];
      if (label !== undefined && prefs.annotation(FORMATTED)) out[`${column}@${FORMATTED}`] = label;
    }
  }
  out[table.primaryKey] = row.id;
  return out;
}
