/**
 * One table's writes and single-record reads: `POST /{set}` (204 with `OData-EntityId`, or 201
 * and the row with `Prefer: return=representation`), `GET /{set}({id})`, `PATCH /{set}({id})`
 * (an update, or an upsert that creates under that id; `If-Match: *` forbids the create,
 * `If-None-Match: *` the update, an ETag in `If-Match` must be current) and `DELETE` (204, 404
 * when absent). A `fake_delete` fault answers 204 and deletes nothing.
 */
import type { FaultInjector, SandboxRequest, SandboxResponse } from '../../../src/sandbox/index.js';
import { parseSelect } from './collection.js';
import { dvError, noSegment, notFound, ODATA_HEADERS } from './errors.js';
import { parsePrefer, render } from './render.js';
import type { Table } from './schema.js';
import type { DataverseStore, Row } from './store.js';
import { readBody } from './validate.js';

export interface RecordContext {
  store: DataverseStore;
  faults: FaultInjector;
}

const KEY = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function keyOf(table: Table, key: string): string {
  const match = KEY.exec(key.trim());
  if (!match) throw dvError(400, '0x80060888', `Bad Request - Error in query syntax: '${table.set}(${key})' is not a key this sandbox understands (alternate keys are not modelled).`);
  return match[1]!.toLowerCase();
}

function written(req: SandboxRequest, table: Table, row: Row, version: string, created: boolean): SandboxResponse {
  const uri = `${req.baseUrl}/api/data/${version}/${table.set}(${row.id})`;
  const prefs = parsePrefer(req.headers.prefer);
  if (prefs.returnRepresentation) {
    const select = parseSelect(table, req.searchParams.get('$select'));
    const body = { '@odata.context': `${req.baseUrl}/api/data/${version}/$metadata#${table.set}${select ? `(${select.join(',')})` : ''}/$entity`, ...render(table, row, select, prefs) };
    return { status: created ? 201 : 200, headers: { ...ODATA_HEADERS, 'preference-applied': 'return=representation' }, body };
  }
  return { status: 204, headers: { 'odata-version': '4.0', 'odata-entityid': uri, location: uri } };
}

const etagOf = (row: Row) => `W/"${row.versionnumber}"`;

export function createRecord(rc: RecordContext, table: Table, req: SandboxRequest, version: string): SandboxResponse {
  const { patch, id } = readBody(rc.store, table, req.body);
  if (id && rc.store.get(table, id)) throw dvError(412, '0x80040237', 'Cannot insert duplicate key.');
  return written(req, table, rc.store.insert(table, patch, id), version, true);
}

export function recordRoute(rc: RecordContext, table: Table, key: string, req: SandboxRequest, version: string): SandboxResponse {
  const id = keyOf(table, key);
  const row = rc.store.get(table, id);
  const ifMatch = req.headers['if-match'];
  if (row && ifMatch && ifMatch !== '*' && ifMatch !== etagOf(row)) throw dvError(412, '', "The version of the existing record doesn't match the RowVersion property provided.");
  switch (req.method) {
    case 'GET': {
      if (!row) throw notFound(table.logicalName, id);
      const select = parseSelect(table, req.searchParams.get('$select'));
      const prefs = parsePrefer(req.headers.prefer);
      return { status: 200, headers: { ...ODATA_HEADERS, etag: etagOf(row) }, body: { '@odata.context': `${req.baseUrl}/api/data/${version}/$metadata#${table.set}${select ? `(${select.join(',')})` : ''}/$entity`, ...render(table, row, select, prefs) } };
    }
    case 'PATCH': {
      const { patch } = readBody(rc.store, table, req.body);
      if (row) {
        if (req.headers['if-none-match'] === '*') throw dvError(412, '', 'A record with matching key values already exists.');
        return written(req, table, rc.store.update(table, id, patch)!, version, false);
      }
      if (ifMatch) throw notFound(table.logicalName, id);
      return written(req, table, rc.store.insert(table, patch, id), version, true);
    }
    case 'DELETE': {
      if (!row) throw notFound(table.logicalName, id);
      if (!rc.faults.consume('fake_delete', req)) rc.store.delete(table, id);
      return { status: 204, headers: { 'odata-version': '4.0' } };
    }
    default:
      throw noSegment(`${table.set}(${key})`);
  }
}
