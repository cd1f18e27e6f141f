/**
 * Finding existing records by natural key with SOQL: `SELECT … WHERE Email IN ('a', …)`.
 * SOQL compares text case-blind, as a load matches keys. Neither Email nor an account's Name is
 * unique in Salesforce; when several records share a key the oldest wins (CreatedDate, then Id),
 * which is stable from one load to the next.
 */
import type { ConnectorContext } from '../../src/registry/index.js';
import { paginate } from '../../src/stream/index.js';
import { LOOKUP_CHUNK, selectedFields, type SObject } from './objects.js';
import { fieldsOf } from './records.js';
import { queryResultSchema } from './schemas.js';
import { quote, select } from './soql.js';
import { DATA_PATH } from './version.js';

const key = (value: unknown) => String(value ?? '').trim().toLowerCase();

export async function findByNaturalKey(ctx: ConnectorContext, object: SObject, values: string[], extraFields: readonly string[] = []): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  const field = object.naturalKey;
  if (!field) return found;
  const wanted = [...new Set(values.filter((v) => key(v) !== ''))];
  const fields = [...new Set([...selectedFields(object, ctx.config), ...extraFields])];
  for (let i = 0; i < wanted.length; i += LOOKUP_CHUNK) {
    const part = wanted.slice(i, i + LOOKUP_CHUNK);
    const q = select({ type: object.type, fields, where: [`${field} IN (${part.map((v) => quote(v.trim())).join(', ')})`], orderBy: 'CreatedDate, Id' });
    const byKey = new Map<string, Record<string, unknown>>();
    for await (const page of paginate(ctx, { request: { url: `${DATA_PATH}/query`, query: { q } }, paginator: { type: 'next_url', nextUrlPath: 'nextRecordsUrl' }, recordsPath: 'records', schema: queryResultSchema })) {
      for (const record of page.body.records) {
        const k = key(record[field]);
        if (!byKey.has(k)) byKey.set(k, fieldsOf(record));
      }
    }
    for (const value of part) {
      const match = byKey.get(key(value));
      if (match) found.set(value, match);
    }
  }
  return found;
}
