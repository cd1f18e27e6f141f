/**
 * Reads a create or update body as Dataverse does. First the OData reader: every property must
 * be declared on the type with a value of its EDM type, lookups are set through navigation
 * properties with `@odata.bind` (to a record that exists); then Dataverse's own validation:
 * string lengths (0x80044331) and choice values (0x8004431a). Read-only columns are ignored.
 * Emails are not checked for format: the platform stores what it is given.
 */
import { dvError, notFound, outOfRange, payloadError, tooLong, undeclared } from './errors.js';
import { lookupOfNavigation, tableByName, type Column, type Table } from './schema.js';
import type { DataverseStore } from './store.js';

const EDM: Record<Column['type'], string> = { string: 'Edm.String', memo: 'Edm.String', int: 'Edm.Int32', decimal: 'Edm.Decimal', money: 'Edm.Decimal', datetime: 'Edm.DateTimeOffset', choice: 'Edm.Int32' };

function typed(column: Column, value: unknown): boolean {
  if (value === null) return true;
  switch (column.type) {
    case 'string': case 'memo': return typeof value === 'string';
    case 'int': case 'choice': return Number.isInteger(value);
    case 'decimal': case 'money': return typeof value === 'number' && Number.isFinite(value);
    case 'datetime': return typeof value === 'string' && !Number.isNaN(Date.parse(value));
  }
}

function bindTarget(store: DataverseStore, table: Table, key: string, value: unknown): [string, unknown] | undefined {
  const navigation = key.slice(0, -'@odata.bind'.length);
  const found = lookupOfNavigation(table, navigation);
  if (!found) {
    throw payloadError(table.set, `An undeclared property '${navigation}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.`);
  }
  if (table.lookups[found.column]?.readOnly) return undefined;
  if (value === null) return [found.column, null];
  const target = tableByName(found.target)!;
  const ref = typeof value === 'string' ? /(?:^|\/)(\w+)\(([0-9a-f-]{36})\)$/i.exec(value) : null;
  if (!ref || ref[1] !== target.set) throw dvError(400, '0x80048d19', `Invalid reference '${String(value)}' for the navigation property '${navigation}': expected ${target.set}(<id>).`);
  const id = ref[2]!.toLowerCase();
  if (!store.get(target, id)) throw notFound(target.logicalName, id);
  return [found.column, { id, table: target.logicalName }];
}

/** The changes a body asks for, and the primary key it names (a create may choose its id). */
export function readBody(store: DataverseStore, table: Table, body: unknown): { patch: Record<string, unknown>; id?: string } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw payloadError(table.set, 'A JSON object was expected for the entity.');
  const patch: Record<string, unknown> = {};
  let id: string | undefined;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key.startsWith('@odata.')) continue;
    if (key.endsWith('@odata.bind')) {
      const set = bindTarget(store, table, key, value);
      if (set) patch[set[0]] = set[1];
      continue;
    }
    if (key === table.primaryKey && typeof value === 'string') { id = value.toLowerCase(); continue; }
    const navigation = lookupOfNavigation(table, key);
    if (navigation && value === null) { patch[navigation.column] = null; continue; }
    if (table.lookups[key]) throw payloadError(table.set, 'CRM do not support direct update of Entity Reference properties, Use Navigation properties instead.');
    const column = table.columns[key];
    if (!column) throw undeclared(table.set, key, table.logicalName);
    if (column.readOnly) continue;
    if (!typed(column, value)) throw payloadError(table.set, `Cannot convert the literal '${String(value)}' to the expected type '${EDM[column.type]}'.`);
    patch[key] = value;
  }
  for (const [key, value] of Object.entries(patch)) {
    const column = table.columns[key];
    if (!column || value === null) continue;
    if (column.maxLength !== undefined && typeof value === 'string' && value.length > column.maxLength) throw tooLong(key, table.logicalName, column.maxLength);
    if (column.choices && !(Number(value) in column.choices)) throw outOfRange(value, key, table.logicalName);
  }
  return { patch, id };
}
