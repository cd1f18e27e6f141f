/**
 * A stored record as the record API answers `GET /services/rest/record/v1/{type}/{id}`: HATEOAS
 * `links`, camelCase field ids, references as `{ links, id, refName }`, booleans as booleans,
 * dates as YYYY-MM-DD and datetimes in ISO 8601 UTC (docs.oracle.com … section_157305090645,
 * "Using Datetime Fields"). Empty fields are left out, as NetSuite leaves them out.
 */
import type { Entry } from '../../../src/sandbox/index.js';
import { CREATED_FIELD, MODIFIED_FIELD, SCHEMAS, type RecordType } from './schema.js';
import type { NetsuiteStore } from './store.js';
import type { Stored } from './validate.js';

export const RECORD_PATH = '/services/rest/record/v1';

const iso = (ms: number) => `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;

export function selfLink(origin: string, type: string, id: string): Array<{ rel: string; href: string }> {
  return [{ rel: 'self', href: `${origin}${RECORD_PATH}/${type}/${id}` }];
}

export function renderRecord(store: NetsuiteStore, origin: string, type: RecordType, entry: Entry<Stored>): Record<string, unknown> {
  const out: Record<string, unknown> = { links: selfLink(origin, type, entry.id), id: entry.id };
  for (const spec of SCHEMAS[type]) {
    const value = entry.data[spec.rest];
    if (value === null || value === undefined) continue;
    if (spec.type === 'ref') {
      const id = String(value);
      const linked = spec.refType === 'customer' || spec.refType === 'contact' ? selfLink(origin, spec.refType, id) : [];
      out[spec.rest] = { links: linked, id, refName: store.nameOf(spec.refType!, id) };
    } else if (spec.type === 'select') out[spec.rest] = { id: value, refName: String(value).charAt(0) + String(value).slice(1).toLowerCase() };
    else if (spec.type === 'date') out[spec.rest] = iso(Number(value)).slice(0, 10);
    else out[spec.rest] = value;
  }
  out[CREATED_FIELD[type]] = iso(entry.createdAt);
  out[MODIFIED_FIELD] = iso(entry.updatedAt);
  return out;
}

/** The origin the client addressed (links and Location headers point back at it). */
export function originOf(req: { headers: Record<string, string>; baseUrl: string }): string {
  return req.headers.host ? `http://${req.headers.host}` : req.baseUrl;
}
