/**
 * Finding records by natural key with SuiteQL: `SELECT id, email FROM contact WHERE
 * LOWER(email) IN ('a@x.com', …) ORDER BY datecreated, id`. NetSuite does not keep emails unique,
 * and SuiteQL compares text case-sensitively, hence LOWER; when several records share an email
 * the oldest wins, which stays the same from one load to the next. A lookup's result is small and
 * does not move while it is paged, so the declared offset paginator fits here.
 */
import type { ConnectorContext } from '../../../src/registry/index.js';
import { paginate } from '../../../src/stream/index.js';
import { LOOKUP_CHUNK, PAGE_SIZE, type NsObject } from '../objects.js';
import { suiteqlPageSchema } from '../schemas.js';
import { quote, SUITEQL_PATH } from '../suiteql.js';

const key = (value: unknown) => String(value ?? '').trim().toLowerCase();

export async function findByNaturalKey(ctx: ConnectorContext, object: NsObject, values: string[]): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  const field = object.naturalKey;
  if (!field) return found;
  const wanted = [...new Set(values.filter((v) => key(v) !== ''))];
  const t = object.type;
  for (let i = 0; i < wanted.length; i += LOOKUP_CHUNK) {
    const part = wanted.slice(i, i + LOOKUP_CHUNK);
    const q = `SELECT ${t}.id, ${t}.${field} FROM ${t} WHERE LOWER(${t}.${field}) IN (${part.map((v) => quote(key(v))).join(', ')}) ORDER BY ${t}.${object.createdColumn}, ${t}.id`;
    const byKey = new Map<string, Record<string, unknown>>();
    const pages = paginate(ctx, {
      request: { method: 'POST', url: SUITEQL_PATH, headers: { Prefer: 'transient' }, json: { q }, replayable: true },
      paginator: { type: 'offset', offsetParam: 'offset', limitParam: 'limit', limit: PAGE_SIZE }, recordsPath: 'items', schema: suiteqlPageSchema,
    });
    for await (const page of pages) {
      for (const row of page.records) {
        const k = key(row[field]);
        if (!byKey.has(k)) byKey.set(k, { id: String(row.id), [field]: row[field] });
      }
    }
    for (const value of part) {
      const match = byKey.get(key(value));
      if (match) found.set(value, match);
    }
  }
  return found;
}
