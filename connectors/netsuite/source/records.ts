/**
 * SuiteQL rows as source records: the columns as NetSuite answered them (text; booleans 'T'/'F';
 * empty columns absent), without `links`, plus `_derived` values a mapping alone cannot say:
 * times in ISO 8601 (NetSuite's wall time read as UTC: set the integration user's time zone to
 * GMT, see the guide), a customer's display name and web domain, a phone call's kind and when it
 * happened. Rows of `DeletedRecord` become tombstones.
 */
import type { ZodType } from 'zod';
import { ConnectorError } from '../../../src/core/index.js';
import type { SourceRecord } from '../../../src/registry/index.js';
import type { NsObject } from '../objects.js';
import { deletedRowSchema, liveRowSchema } from '../schemas.js';

/** A row NetSuite answered in an unexpected shape is a named failure, like any other answer. */
function rowOf<T>(schema: ZodType<T>, item: Record<string, unknown>, what: string): T {
  const parsed = schema.safeParse(item);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.slice(0, 5).map((issue) => ({ field: issue.path.join('.') || '(row)', message: issue.message }));
  throw new ConnectorError(`netsuite answered a ${what} row of an unexpected shape: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, { kind: 'permanent', code: 'unexpected_response', fields });
}

const isoOf = (value: unknown): string | undefined => {
  if (typeof value !== 'string' || value === '') return undefined;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : `${value}Z`;
  return Number.isNaN(Date.parse(text)) ? undefined : new Date(text).toISOString();
};

/** `https://www.Acme.com/about` → `acme.com`. */
export function domainOf(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.trim() === '') return undefined;
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url.trim()) ? url.trim() : `https://${url.trim()}`);
    return parsed.hostname.replace(/^www\./, '').toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

function derived(object: NsObject, row: Record<string, unknown>): Record<string, unknown> {
  const common = { createdAt: isoOf(row[object.createdColumn]), lastModifiedAt: isoOf(row.lastmodifieddate) };
  if (object.type === 'customer') {
    const person = [row.firstname, row.lastname].filter((v) => typeof v === 'string' && v.trim()).join(' ');
    return { ...common, name: row.companyname ?? (person || row.entityid), domain: domainOf(row.url) };
  }
  if (object.type === 'phonecall') {
    // Done: when it was completed; otherwise the day it was scheduled for; else when it was logged.
    return { ...common, type: 'call', channel: 'phone', occurredAt: isoOf(row.completeddate) ?? isoOf(row.startdate) ?? common.createdAt };
  }
  return common;
}

export function liveRecord(object: NsObject, item: Record<string, unknown>): SourceRecord {
  const row = rowOf(liveRowSchema, item, object.type);
  const { links: _links, ...data } = row as Record<string, unknown>;
  return { id: row.id, data: { ...data, _derived: derived(object, data) }, cursorValue: row.lastmodifieddate };
}

export function deletedRecord(item: Record<string, unknown>): SourceRecord {
  const row = rowOf(deletedRowSchema, item, 'DeletedRecord');
  const { links: _links, ...data } = row as Record<string, unknown>;
  return { id: row.recordid, data, deleted: true, cursorValue: row.deleteddate };
}
