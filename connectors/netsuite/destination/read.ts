/**
 * Reading one record: `GET /services/rest/record/v1/{type}/{id}`. A 404 (the record is not there,
 * deleted ones included) is null: that is what a read after a delete must see.
 */
import { ConnectorError } from '../../../src/core/index.js';
import type { ConnectorContext } from '../../../src/registry/index.js';
import type { NsObject } from '../objects.js';
import { recordSchema } from '../schemas.js';
import { flatten, RECORD_PATH } from './fields.js';

/** An internal id, or `eid:{externalId}` for a record addressed by its external id. */
export function recordPath(object: NsObject, id: string): string {
  const ref = id.startsWith('eid:') ? `eid:${encodeURIComponent(id.slice(4))}` : encodeURIComponent(id);
  return `${RECORD_PATH}/${object.type}/${ref}`;
}

export async function readRecord(ctx: ConnectorContext, object: NsObject, id: string): Promise<Record<string, unknown> | null> {
  const res = await ctx.http.request({ url: recordPath(object, id), schema: recordSchema, signal: ctx.signal });
  if (res.ok && res.body) return flatten(res.body);
  if (res.error?.kind === 'not_found') return null;
  throw res.error ?? new ConnectorError(`netsuite answered ${res.status} for ${object.type} ${id}`, { kind: 'permanent', status: res.status });
}
