/**
 * sObject Collections (developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/
 * resources_composite_sobjects_collections.htm): up to 200 records a call, `allOrNone: false`
 * so one refused record does not roll back the others, one result per record in input order.
 * A call Salesforce refuses whole (a body it cannot read: an unknown field, text in a number
 * field) is retried record by record to learn which one it was.
 */
import { type ConnectorError } from '../../src/core/index.js';
import type { ConnectorContext, WriteOutcome } from '../../src/registry/index.js';
import { recordError } from './errors.js';
import { writable } from './fields.js';
import { COLLECTION_LIMIT, type SObject } from './objects.js';
import { saveResultsSchema, type SaveResult } from './schemas.js';
import { DATA_PATH } from './version.js';

export const COLLECTIONS_PATH = `${DATA_PATH}/composite/sobjects`;

export function chunks<T>(items: readonly T[], size = COLLECTION_LIMIT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function outcomes(results: SaveResult[], ids: Array<string | undefined>, action: 'create' | 'update' | 'delete'): WriteOutcome[] {
  return ids.map((id, i) => {
    const result = results[i];
    if (!result) return { ok: false, error: recordError([{ statusCode: 'MISSING_RESULT', message: 'Salesforce answered without a result for this record' }], action) };
    if (result.success && (result.id ?? id)) return { ok: true, id: (result.id ?? id)! };
    return { ok: false, error: recordError(result.errors, action) };
  });
}

/** Validation, conflict and not-found belong to records; anything else stops the load. */
async function refused<T>(error: ConnectorError, items: T[], one: (item: T) => Promise<WriteOutcome[]>): Promise<WriteOutcome[]> {
  if (error.kind !== 'validation' && error.kind !== 'conflict' && error.kind !== 'not_found') throw error;
  if (items.length === 1) return [{ ok: false, error }];
  const out: WriteOutcome[] = [];
  for (const item of items) out.push(...(await one(item)));
  return out;
}

export async function createChunk(ctx: ConnectorContext, object: SObject, records: Array<Record<string, unknown>>): Promise<WriteOutcome[]> {
  const body = { allOrNone: false, records: records.map((r) => ({ attributes: { type: object.type }, ...writable(object, r, 'create') })) };
  // No idempotency key exists for a create: a lost answer is not replayed (verify finds the record by its natural key).
  const res = await ctx.http.request({ method: 'POST', url: COLLECTIONS_PATH, json: body, schema: saveResultsSchema, signal: ctx.signal });
  if (res.ok && res.body) return outcomes(res.body, records.map(() => undefined), 'create');
  return refused(res.error!, records, (one) => createChunk(ctx, object, [one]));
}

export async function updateChunk(ctx: ConnectorContext, object: SObject, records: Array<{ id: string; fields: Record<string, unknown> }>): Promise<WriteOutcome[]> {
  const body = { allOrNone: false, records: records.map((r) => ({ attributes: { type: object.type }, id: r.id, ...writable(object, r.fields, 'update') })) };
  // Setting fields to given values is idempotent: replaying after a lost answer writes the same.
  const res = await ctx.http.request({ method: 'PATCH', url: COLLECTIONS_PATH, json: body, schema: saveResultsSchema, signal: ctx.signal, replayable: true });
  if (res.ok && res.body) return outcomes(res.body, records.map((r) => r.id), 'update');
  return refused(res.error!, records, (one) => updateChunk(ctx, object, [one]));
}

export async function deleteChunk(ctx: ConnectorContext, ids: string[]): Promise<WriteOutcome[]> {
  const res = await ctx.http.request({ method: 'DELETE', url: COLLECTIONS_PATH, query: { ids: ids.join(','), allOrNone: false }, schema: saveResultsSchema, signal: ctx.signal });
  if (!res.ok || !res.body) return refused(res.error!, ids, (one) => deleteChunk(ctx, [one]));
  return outcomes(res.body, ids, 'delete').map((outcome, i) => {
    // Already in the Recycle Bin, or never there, is what a delete wants; the read after it still checks.
    if (!outcome.ok && outcome.error.kind === 'not_found') return { ok: true, id: ids[i]! };
    return outcome;
  });
}
