/**
 * Salesforce records as source records: the fields as read (without `attributes`), dateTimes
 * as ISO 8601, SystemModstamp as the cursor value, and a few values derived where a mapping
 * alone cannot say them (`_derived`): an account's domain from its website, a task's contact
 * (WhoId may name a lead), its kind and when it happened.
 */
import type { SourceRecord } from '../../src/registry/index.js';
import { DATETIME_FIELDS, type SObject } from './objects.js';
import type { SalesforceRecord } from './schemas.js';
import { isoFromSalesforce } from './soql.js';

/** `https://www.Acme.com/about` → `acme.com`. */
export function domainOf(website: unknown): string | undefined {
  if (typeof website !== 'string' || website.trim() === '') return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(website.trim()) ? website.trim() : `https://${website.trim()}`);
    return url.hostname.replace(/^www\./, '').toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

function derived(object: SObject, data: Record<string, unknown>): Record<string, unknown> | undefined {
  if (object.type === 'Account') return { domain: domainOf(data.Website) };
  if (object.type !== 'Task') return undefined;
  const who = typeof data.WhoId === 'string' ? data.WhoId : undefined;
  return {
    activityType: typeof data.TaskSubtype === 'string' ? data.TaskSubtype : 'Task',
    // Done: when it was completed; open: its due date; neither: when it was logged.
    occurredAt: data.CompletedDateTime ?? data.ActivityDate ?? data.CreatedDate,
    contactId: who?.startsWith('003') ? who : undefined,
  };
}

/** The record's fields, flat, with dateTimes as ISO 8601. */
export function fieldsOf(record: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) {
    if (name === 'attributes') continue;
    data[name] = DATETIME_FIELDS.has(name) && typeof value === 'string' ? isoFromSalesforce(value) : value;
  }
  return data;
}

export function sourceRecord(object: SObject, record: SalesforceRecord, deleted: boolean): SourceRecord {
  const data = fieldsOf(record);
  const extra = derived(object, data);
  if (extra) data._derived = extra;
  const cursorValue = typeof data.SystemModstamp === 'string' ? data.SystemModstamp : undefined;
  return { id: record.Id, data, ...(deleted ? { deleted: true } : {}), ...(cursorValue ? { cursorValue } : {}) };
}
