/**
 * Turns a page of vendor records into rows to persist: map → validate → dedupe (latest wins).
 * Pure, so the quality rules are tested without a database.
 */
import { createHash } from 'node:crypto';
import { applyMapping, canonicalSchemas, type CanonicalType, type Mapping } from '../canonical/index.js';
import type { FieldError } from '../core/index.js';
import { scrubValue, type Scrubber } from '../core/scrub.js';
import type { SourceRecord } from '../registry/index.js';

export interface PreparedRow {
  externalId: string;
  data: Record<string, unknown>;
  raw: unknown;
  hash: string;
  deleted: boolean;
}

export interface Rejected {
  externalId: string | null;
  reason: string;
  fields: FieldError[];
  payload: unknown;
}

export interface PreparedPage {
  rows: PreparedRow[];
  rejected: Rejected[];
}

/** Stable JSON (sorted keys) so equal records hash equally whatever the vendor's key order. */
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(data: Record<string, unknown>): string {
  return createHash('sha1').update(stableStringify(data)).digest('base64');
}

export interface PrepareOptions {
  canonical: CanonicalType;
  mapping: Mapping;
  /** Keep the vendor payload beside the canonical row. @default true */
  keepRaw?: boolean;
  scrub: Scrubber;
}

export function preparePage(records: SourceRecord[], options: PrepareOptions): PreparedPage {
  const schema = canonicalSchemas[options.canonical];
  const byId = new Map<string, PreparedRow>();
  const rejected: Rejected[] = [];
  for (const record of records) {
    const externalId = record.id === undefined || record.id === null ? '' : String(record.id);
    if (!externalId) {
      rejected.push({ externalId: null, reason: 'the record has no id', fields: [{ field: 'id', message: 'is required' }], payload: scrubValue(record.data, options.scrub) });
      continue;
    }
    if (record.deleted) {
      byId.delete(externalId);
      byId.set(externalId, { externalId, data: {}, raw: null, hash: '', deleted: true });
      continue;
    }
    const mapped = applyMapping(record.data, options.mapping);
    const parsed = schema.safeParse({ ...mapped.record, externalId });
    const fields: FieldError[] = [...mapped.errors];
    if (!parsed.success) for (const issue of parsed.error.issues) fields.push({ field: issue.path.join('.') || '(record)', message: issue.message });
    if (fields.length > 0 || !parsed.success) {
      rejected.push({
        externalId, fields,
        reason: options.scrub(`rejected: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`),
        payload: scrubValue(record.data, options.scrub),
      });
      continue;
    }
    const data = parsed.data as Record<string, unknown>;
    // Latest wins: a later copy of the same id in one page replaces the earlier one.
    byId.delete(externalId);
    byId.set(externalId, { externalId, data, raw: options.keepRaw === false ? null : record.data, hash: contentHash(data), deleted: false });
  }
  return { rows: [...byId.values()], rejected };
}
