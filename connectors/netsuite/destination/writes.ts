/**
 * One record a call, as the record API allows (no bulk writes: section_1545141395):
 * - create: `POST /{type}` answers 204 with the new record's URL in `Location`;
 * - update: `PATCH /{type}/{id}` answers 204; it sets absolute values, so it may be replayed;
 * - delete: `DELETE /{type}/{id}` answers 204; a record already gone (404) is what a delete wants.
 * A create has no idempotency key in NetSuite, so a lost answer is not replayed: verify finds the
 * record by its natural key instead. A 401 or 403 stops the load rather than fail record by record.
 */
import { ConnectorError, type ConnectorResponse } from '../../../src/core/index.js';
import type { ConnectorContext, WriteOutcome } from '../../../src/registry/index.js';
import type { NsObject } from '../objects.js';
import { RECORD_PATH, writable } from './fields.js';
import { recordPath } from './read.js';

function failure(res: ConnectorResponse<unknown>): WriteOutcome {
  const error = res.error ?? new ConnectorError(`netsuite answered ${res.status}`, { kind: 'permanent', status: res.status });
  if (error.kind === 'permanent' && (res.status === 401 || res.status === 403)) throw error;
  return { ok: false, error };
}

/** The internal id at the end of `Location: https://…/record/v1/customer/647`. */
export function idFromLocation(location: string | undefined): string | undefined {
  if (!location) return undefined;
  try {
    const last = new URL(location).pathname.split('/').filter(Boolean).at(-1);
    return last && /^\d+$/.test(last) ? last : undefined;
  } catch {
    return undefined;
  }
}

export async function createOne(ctx: ConnectorContext, object: NsObject, fields: Record<string, unknown>): Promise<WriteOutcome> {
  const res = await ctx.http.request({ method: 'POST', url: `${RECORD_PATH}/${object.type}`, json: writable(object, fields, 'create', ctx.config), signal: ctx.signal });
  if (!res.ok) return failure(res);
  const id = idFromLocation(res.headers.location);
  if (!id) return { ok: false, error: new ConnectorError(`netsuite created a ${object.type} but its answer has no usable Location header`, { kind: 'transient', code: 'missing_location', status: res.status }) };
  return { ok: true, id };
}

export async function updateOne(ctx: ConnectorContext, object: NsObject, id: string, fields: Record<string, unknown>): Promise<WriteOutcome> {
  const res = await ctx.http.request({ method: 'PATCH', url: recordPath(object, id), json: writable(object, fields, 'update'), replayable: true, signal: ctx.signal });
  return res.ok ? { ok: true, id } : failure(res);
}

export async function deleteOne(ctx: ConnectorContext, object: NsObject, id: string): Promise<WriteOutcome> {
  const res = await ctx.http.request({ method: 'DELETE', url: recordPath(object, id), signal: ctx.signal });
  return res.ok || res.error?.kind === 'not_found' ? { ok: true, id } : failure(res);
}
