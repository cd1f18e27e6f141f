/**
 * Reading an sObject Collections write body, `{ allOrNone, records: [{ attributes: { type },
 * id?, …fields }] }`, and writing its per-record results `{ id, success, errors }`. More than
 * 200 records, a record without a type, or fields Salesforce cannot read fail the whole call.
 */
import type { SandboxRequest } from '../../../src/sandbox/index.js';
import { sfError, type RecordProblem } from './errors.js';
import { sobjectTypeOf, type SObjectType } from './schema.js';
import { readInput } from './validate.js';

export const COLLECTION_LIMIT = 200;
export const ROLLED_BACK: RecordProblem = { statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: 'Record rolled back because not all records were valid and the request was using AllOrNone header', fields: [] };

export interface Parsed { type: SObjectType; id?: string; values: Record<string, unknown> }

export function parseRecords(req: SandboxRequest): { allOrNone: boolean; records: Parsed[] } {
  const body = (req.body ?? {}) as { allOrNone?: unknown; records?: unknown };
  if (!Array.isArray(body.records)) throw sfError(400, 'JSON_PARSER_ERROR', 'Cannot deserialize instance of SObject[] from the request body: records is required');
  if (body.records.length > COLLECTION_LIMIT) throw sfError(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${COLLECTION_LIMIT} records into this call`);
  const records = body.records.map((raw: unknown) => {
    const record = (raw ?? {}) as Record<string, unknown> & { attributes?: { type?: string } };
    const type = sobjectTypeOf(record.attributes?.type ?? '');
    if (!type) throw sfError(400, 'INVALID_TYPE', 'Must send a concrete entity type.');
    const id = record.id ?? record.Id;
    return { type, id: typeof id === 'string' ? id : undefined, values: readInput(type, record) };
  });
  return { allOrNone: body.allOrNone === true, records };
}

export const result = (id: string | undefined, problems: RecordProblem[]) =>
  problems.length === 0 ? { id, success: true, errors: [] } : { ...(id ? { id } : {}), success: false, errors: problems };
