/**
 * The SuiteQL tables over the store: one per record type (columns are the REST field ids
 * lower-cased, booleans 'T'/'F', references as internal ids, datetimes to the second as Oracle
 * DATE keeps them) and `deletedrecord`, the deletion log (recordid, type, name, externalid,
 * deleteddate, context, iscustomrecord, iscustomlist; columns as the analytics data source's
 * DeletedRecord table shows them in public SuiteQL samples). Rebuilt only when the store changed.
 */
import type { Entry } from '../../../../src/sandbox/index.js';
import { suiteqlError } from '../errors.js';
import { CREATED_FIELD, MODIFIED_FIELD, SCHEMAS, recordTypeOf, type RecordType } from '../schema.js';
import type { NetsuiteStore } from '../store.js';
import type { Stored } from '../validate.js';
import type { Row, Table, Value } from './eval.js';

const second = (ms: number) => ({ at: Math.floor(ms / 1000) * 1000 });

function cell(type: RecordType, field: string, value: Stored[string] | undefined): Value {
  if (value === undefined || value === null) return null;
  const spec = SCHEMAS[type].find((f) => f.rest === field);
  if (spec?.type === 'bool') return value ? 'T' : 'F';
  if (spec?.type === 'date') return { at: Number(value) };
  return value as string | number;
}

function rowOf(type: RecordType, entry: Entry<Stored>): Row {
  const row: Row = { id: Number(entry.id) };
  for (const spec of SCHEMAS[type]) row[spec.rest.toLowerCase()] = cell(type, spec.rest, entry.data[spec.rest]);
  row[CREATED_FIELD[type].toLowerCase()] = second(entry.createdAt);
  row[MODIFIED_FIELD.toLowerCase()] = second(entry.updatedAt);
  return row;
}

const DELETED_COLUMNS = new Set(['recordid', 'type', 'name', 'externalid', 'deleteddate', 'context', 'iscustomrecord', 'iscustomlist']);

export class SuiteqlTables {
  private cache = new Map<string, { version: number; table: Table }>();

  constructor(private readonly store: NetsuiteStore) {}

  table(name: string): Table {
    const cached = this.cache.get(name);
    if (cached && cached.version === this.store.version) return cached.table;
    const table = this.build(name);
    this.cache.set(name, { version: this.store.version, table });
    return table;
  }

  private build(name: string): Table {
    if (name === 'deletedrecord') {
      const rows = this.store.deletions.map((d): Row => ({
        recordid: d.recordId, type: d.type, name: d.name, externalid: d.externalId, deleteddate: second(d.deletedAt),
        context: 'WEBSERVICES', iscustomrecord: 'F', iscustomlist: 'F',
      }));
      return { name, columns: DELETED_COLUMNS, rows };
    }
    const type = recordTypeOf(name);
    if (!type) throw suiteqlError(`Record '${name}' was not found.`);
    const columns = new Set(['id', CREATED_FIELD[type].toLowerCase(), MODIFIED_FIELD.toLowerCase(), ...SCHEMAS[type].map((f) => f.rest.toLowerCase())]);
    return { name, columns, rows: this.store.records[type].list().map((e) => rowOf(type, e)) };
  }
}
