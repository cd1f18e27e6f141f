/**
 * What each phase of a read hands the reader: the page's records, where the read stands after
 * it, and whether the phase is over. Plus the one way an exported record becomes a SourceRecord.
 */
import type { SourceRecord } from '../../../src/registry/index.js';
import type { ReadState } from '../cursor.js';
import type { ExportResource } from '../resources.js';

export interface Step {
  records: SourceRecord[];
  state: ReadState;
  /** The phase's last page. */
  done: boolean;
}

export function toSourceRecord(resource: ExportResource, record: Record<string, unknown>): SourceRecord {
  const changedAt = resource.changedAt(record);
  return {
    id: String(record.id), data: resource.toRecord(record),
    ...(resource.isDeleted(record) ? { deleted: true } : {}),
    ...(changedAt !== undefined ? { cursorValue: changedAt } : {}),
  };
}
