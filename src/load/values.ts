/**
 * Comparing what was written with what the vendor holds, after the vendor's own normalisation:
 * `"42"` and `42` are equal, emails compare case-blind when the connector says so, and an
 * absent value equals null or an empty string (vendors drop empty properties).
 */
import type { DestinationOperations } from '../registry/index.js';

export function fieldsOf(dest: DestinationOperations, record: Record<string, unknown> | null | undefined): Record<string, unknown> {
  if (!record) return {};
  return dest.fieldsOf ? dest.fieldsOf(record) : record;
}

function canonicalValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return /^-?\d+(\.\d+)?$/.test(trimmed) ? String(Number(trimmed)) : trimmed;
  }
  return JSON.stringify(value);
}

export function sameValue(dest: DestinationOperations, field: string, expected: unknown, actual: unknown): boolean {
  const normalise = dest.normalise?.bind(dest) ?? ((_f: string, v: unknown) => v);
  return canonicalValue(normalise(field, expected)) === canonicalValue(normalise(field, actual));
}

/** The fields a write sets that verification can check (read-only and ignored fields left out). */
export function verifiableFields(dest: DestinationOperations, fields: Record<string, unknown>): string[] {
  const ignored = new Set(dest.ignoreOnVerify ?? []);
  return Object.keys(fields).filter((f) => !ignored.has(f));
}

/**
 * Batched reads (lookups, snapshot, read-back) in flight at once. They are cheap for the vendor
 * and the rate limiter still paces them; more lanes let a window's allowance be spent at once
 * rather than trickle. Per-record vendors (batch 1) keep three, for those that cap concurrency.
 */
export const readConcurrency = (batchSize: number): number => (batchSize > 1 ? 8 : 3);

/** A vendor record's id: the object's declared primary key (Salesforce `Id`), else `id`. */
export const recordId = (record: Record<string, unknown>, primaryKey: string): string => String(record[primaryKey] ?? record.id);

/** Runs `fn` over items with at most `limit` in flight, results in input order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  });
  await Promise.all(workers);
  return results;
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
