/**
 * Where load records come from: a JSON or CSV file, or canonical rows mapped to the vendor's
 * fields. Every record is checked; a bad one is named by its position, not silently dropped.
 */
import { parse } from 'csv-parse/sync';
import type pg from 'pg';
import { applyMapping, type Mapping } from '../canonical/index.js';
import { CANONICAL_TABLES } from '../stream/persist-page.js';
import type { CanonicalType } from '../canonical/index.js';
import { loadRecordSchema, type LoadOperation, type LoadRecord } from './types.js';

export class LoadInputError extends Error {}

/** JSON: an array of `{op, id?, fields}`. CSV: a header row; `op` and `id` columns are special, the rest are fields. */
export function recordsFromFile(text: string, format: 'json' | 'csv', defaultOp: LoadOperation = 'upsert'): LoadRecord[] {
  let raw: unknown[];
  if (format === 'json') {
    try { raw = JSON.parse(text) as unknown[]; } catch (error) { throw new LoadInputError(`the JSON file does not parse: ${(error as Error).message}`); }
    if (!Array.isArray(raw)) throw new LoadInputError('the JSON file must hold an array of records');
  } else {
    let rows: Array<Record<string, string>>;
    try { rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>; } catch (error) { throw new LoadInputError(`the CSV file does not parse: ${(error as Error).message}`); }
    raw = rows.map(({ op, id, ...fields }) => ({ op: op || defaultOp, ...(id ? { id } : {}), fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')) }));
  }
  return raw.map((record, index) => {
    const withOp = record && typeof record === 'object' && !('op' in record) ? { ...record, op: defaultOp } : record;
    const parsed = loadRecordSchema.safeParse(withOp);
    if (!parsed.success) {
      throw new LoadInputError(`record ${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ')}`);
    }
    return parsed.data;
  });
}

/** Canonical rows of a tenant (optionally filtered) mapped canonical → vendor fields. */
export async function recordsFromCanonical(pool: pg.Pool, input: {
  workspaceId: string; connectionId: string; object: string; canonical: CanonicalType; mapping: Mapping; op: LoadOperation; limit?: number; where?: { field: string; equals: string };
}): Promise<LoadRecord[]> {
  const table = CANONICAL_TABLES[input.canonical];
  const params: unknown[] = [input.workspaceId, input.connectionId, input.object, input.limit ?? 10_000];
  let filter = '';
  if (input.where) {
    params.push(input.where.field, input.where.equals);
    filter = 'and data->>$5 = $6';
  }
  const { rows } = await pool.query<{ data: Record<string, unknown> }>(
    `select data from ${table} where workspace_id = $1 and connection_id = $2 and object = $3 and deleted_at is null ${filter} order by external_id limit $4`, params);
  return rows.map((row) => ({ op: input.op, fields: applyMapping(row.data, input.mapping).record }));
}
