/**
 * Upsert by an External ID field: `PATCH /sobjects/{type}/{field}/{value}` creates (201) or
 * updates (200, `created: false`) the one record holding that value. When several hold it,
 * Salesforce answers 300 with their URLs and writes nothing; that is a conflict naming the ids,
 * for a person to merge. One call per record (Collections upsert takes one type per call and no
 * per-record field), a few in flight.
 */
import { ConnectorError } from '../../src/core/index.js';
import type { ConnectorContext, WriteOutcome } from '../../src/registry/index.js';
import { writable } from './fields.js';
import type { SObject } from './objects.js';
import { multipleChoicesSchema, saveResultSchema } from './schemas.js';
import { DATA_PATH } from './version.js';

/** @default 4 */
export const UPSERTS_IN_FLIGHT = 4;

/** A write outcome that also says whether the upsert created the record. */
export type UpsertOutcome = WriteOutcome & { created?: boolean };

function matchingIds(body: unknown): string[] {
  const parsed = multipleChoicesSchema.safeParse(body);
  if (!parsed.success) return [];
  return parsed.data.map((item) => (typeof item === 'string' ? item : item.Id ?? item.attributes?.url ?? '').split('/').pop() ?? '').filter(Boolean);
}

async function upsertOne(ctx: ConnectorContext, object: SObject, field: string, record: Record<string, unknown>): Promise<UpsertOutcome> {
  const value = record[field];
  if (value === undefined || value === null || String(value).trim() === '') {
    return { ok: false, error: new ConnectorError(`salesforce upsert needs a value for ${field}`, { kind: 'validation', status: 400, code: 'MISSING_EXTERNAL_ID', fields: [{ field, message: 'is required for an upsert' }] }) };
  }
  const { [field]: _key, ...fields } = record;
  const url = `${DATA_PATH}/sobjects/${object.type}/${encodeURIComponent(field)}/${encodeURIComponent(String(value))}`;
  // Upserting the same external id twice lands on the same record: safe to replay.
  const res = await ctx.http.request({ method: 'PATCH', url, json: writable(object, fields, 'update'), signal: ctx.signal, replayable: true });
  if (res.status === 300) {
    const ids = matchingIds(res.body);
    return {
      ok: false,
      error: new ConnectorError(`salesforce found ${ids.length} ${object.type} records with ${field} = ${String(value)} (${ids.join(', ')}); nothing was written`, {
        kind: 'conflict', status: 300, code: 'MULTIPLE_CHOICES', fields: [{ field, message: `matches ${ids.join(', ')}` }],
      }),
    };
  }
  if (!res.ok) return { ok: false, error: res.error! };
  const saved = saveResultSchema.safeParse(res.body);
  if (!saved.success || !saved.data.id) return { ok: false, error: new ConnectorError('salesforce answered the upsert without an id', { kind: 'permanent', status: res.status, code: 'unexpected_response' }) };
  return { ok: true, id: saved.data.id, created: saved.data.created ?? res.status === 201 };
}

export async function upsertByExternalId(ctx: ConnectorContext, object: SObject, field: string, records: Array<Record<string, unknown>>): Promise<UpsertOutcome[]> {
  const results = new Array<UpsertOutcome>(records.length);
  let next = 0;
  const worker = async () => {
    while (next < records.length) {
      const index = next++;
      results[index] = await upsertOne(ctx, object, field, records[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(UPSERTS_IN_FLIGHT, records.length) }, worker));
  return results;
}
