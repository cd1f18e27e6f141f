/**
 * Upsert by external id: `PUT /services/rest/record/v1/{type}/eid:{externalId}` creates the record
 * or updates the one carrying that external id (section_156335203191). A PUT is idempotent, so it
 * is safe to replay. The platform's destination contract has no upsert slot; callers that key
 * their records by an external id (one integration owns a type's external ids) use this directly.
 */
import { ConnectorError } from '../../../src/core/index.js';
import type { ConnectorContext } from '../../../src/registry/index.js';
import type { NsObject } from '../objects.js';
import { writable } from './fields.js';
import { readRecord, recordPath } from './read.js';
import { idFromLocation } from './writes.js';

export type UpsertOutcome = { ok: true; id: string } | { ok: false; error: ConnectorError };

export async function upsertByExternalId(ctx: ConnectorContext, object: NsObject, externalId: string, fields: Record<string, unknown>): Promise<UpsertOutcome> {
  if (externalId.trim() === '') return { ok: false, error: new ConnectorError('an upsert needs an external id', { kind: 'validation', fields: [{ field: 'externalId', message: 'empty' }] }) };
  const res = await ctx.http.request({ method: 'PUT', url: recordPath(object, `eid:${externalId}`), json: writable(object, fields, 'create', ctx.config), signal: ctx.signal });
  if (!res.ok) return { ok: false, error: res.error! };
  // A create names the record in Location; an update may not, so read it by its external id.
  const id = idFromLocation(res.headers.location) ?? (await readRecord(ctx, object, `eid:${externalId}`))?.id;
  return id ? { ok: true, id: String(id) } : { ok: false, error: new ConnectorError(`netsuite accepted the upsert of ${object.type} eid:${externalId} but it cannot be read back`, { kind: 'transient', code: 'upsert_unconfirmed' }) };
}
