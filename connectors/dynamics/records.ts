/**
 * Dataverse rows as the platform sees them. Annotations (`x@OData.Community.Display.V1.FormattedValue`,
 * `_x_value@Microsoft.Dynamics.CRM.lookuplogicalname`) are read into `_derived` (choice labels,
 * which table a lookup points at, the activity's time) and left out of the record itself.
 */
import type { SourceRecord } from '../../src/registry/index.js';
import type { DataverseEntity } from './entities.js';
import type { DeletedEntry, Row } from './schemas.js';

const FORMATTED = '@OData.Community.Display.V1.FormattedValue';
const LOOKUP_TABLE = '@Microsoft.Dynamics.CRM.lookuplogicalname';

interface Split {
  data: Row;
  label(column: string): string | undefined;
  table(lookup: string): string | undefined;
}

function split(row: Row): Split {
  const data: Row = {};
  const notes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) (key.includes('@') ? notes : data)[key] = value;
  const text = (key: string) => (typeof notes[key] === 'string' ? (notes[key] as string) : undefined);
  return { data, label: (column) => text(column + FORMATTED), table: (lookup) => text(lookup + LOOKUP_TABLE) };
}

/** `https://www.Contoso.com/about` → `contoso.com`. */
export function domainOf(website: unknown): string | undefined {
  if (typeof website !== 'string' || website.trim() === '') return undefined;
  const raw = website.trim();
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`).hostname.toLowerCase();
    return host.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/** The lookup's id when it points at the given table. */
const pointsAt = (s: Split, lookup: string, table: string) => (s.table(lookup) === table && typeof s.data[lookup] === 'string' ? s.data[lookup] : undefined);

const DERIVE: Record<DataverseEntity['object'], (s: Split) => Row> = {
  contacts: (s) => ({ accountId: pointsAt(s, '_parentcustomerid_value', 'account'), status: s.label('statecode') }),
  accounts: (s) => ({ domain: domainOf(s.data.websiteurl), industry: s.label('industrycode'), status: s.label('statecode') }),
  tasks: (s) => ({
    type: 'task',
    // When it happened: completed, else due, else logged.
    occurredAt: s.data.actualend ?? s.data.scheduledend ?? s.data.createdon,
    contactId: pointsAt(s, '_regardingobjectid_value', 'contact'),
    accountId: pointsAt(s, '_regardingobjectid_value', 'account'),
    status: s.label('statecode'), priority: s.label('prioritycode'),
  }),
};

const defined = (row: Row): Row => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined && v !== null));

/** A row without its annotations, plus `_derived`. */
export function toRecord(entity: DataverseEntity, row: Row): Row {
  const s = split(row);
  return { ...s.data, _derived: defined(DERIVE[entity.object](s)) };
}

/** A row without its annotations: what destination reads hand the platform for diff and verify. */
export function plainRow(row: Row): Row {
  return split(row).data;
}

export function liveRecord(entity: DataverseEntity, row: Row): SourceRecord {
  const record = toRecord(entity, row);
  const modified = typeof row.modifiedon === 'string' ? row.modifiedon : undefined;
  return { id: String(row[entity.primaryKey]).toLowerCase(), data: record, ...(modified ? { cursorValue: modified } : {}) };
}

/** A change-tracking deleted entry as a tombstone. `changed` means the row left the tracked set. */
export function tombstone(entry: DeletedEntry): SourceRecord {
  return { id: entry.id.toLowerCase(), data: { id: entry.id, reason: entry.reason ?? 'deleted' }, deleted: true };
}
