/**
 * HubSpot objects as source records: the vendor payload as read (plus the engagement type of
 * notes), its id, and its modification time as the cursor value; archived ones as tombstones.
 */
import type { SourceRecord } from '../../src/registry/index.js';
import type { HubspotObject } from './objects.js';
import type { HubspotRecord } from './schemas.js';

/** The modification time: the object's property when it came back, else `updatedAt`. */
export function modifiedAt(object: HubspotObject, record: HubspotRecord): string {
  return record.properties[object.modified] ?? record.updatedAt;
}

export function liveRecord(object: HubspotObject, record: HubspotRecord): SourceRecord {
  const data: Record<string, unknown> = object.engagementType ? { ...record, engagementType: object.engagementType } : { ...record };
  return { id: record.id, data, cursorValue: modifiedAt(object, record) };
}

export function tombstone(record: HubspotRecord): SourceRecord {
  return { id: record.id, data: { ...record }, deleted: true, cursorValue: record.archivedAt ?? record.updatedAt };
}
