/**
 * Salesforce error bodies into the platform's taxonomy. The body is `[{ message, errorCode,
 * fields }]` (developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm);
 * a Collections record's errors say `statusCode` instead. `fields` names the offending fields;
 * SOQL's INVALID_FIELD names the column only in its message ("No such column 'X' on entity…").
 */
import { ConnectorError, type ErrorKind, type FieldError, type VendorErrorDetails, type VendorResponse } from '../../src/core/index.js';
import { errorBodySchema, type ErrorItem } from './schemas.js';

/** Codes whose kind is not what their HTTP status says. */
const KIND_BY_CODE: Record<string, ErrorKind> = {
  ENTITY_IS_DELETED: 'not_found', NOT_FOUND: 'not_found',
  DUPLICATE_VALUE: 'conflict', DUPLICATES_DETECTED: 'conflict', DUPLICATE_EXTERNAL_ID: 'conflict',
  // Row locks held by another transaction clear in moments; Salesforce's own advice is to retry.
  UNABLE_TO_LOCK_ROW: 'transient', SERVER_UNAVAILABLE: 'transient',
};

const KIND_STATUS: Record<ErrorKind, number> = { validation: 400, not_found: 404, conflict: 409, transient: 503, permanent: 403 };

const codeOf = (item: ErrorItem) => item.errorCode ?? item.statusCode;

function fieldsOf(item: ErrorItem): FieldError[] {
  const message = item.message?.trim() ?? codeOf(item) ?? 'refused';
  if (item.fields && item.fields.length > 0) return item.fields.map((field) => ({ field, message }));
  const column = /No such column '([^']+)'/.exec(item.message ?? '') ?? /field '([^']+)' must be of type/.exec(item.message ?? '');
  return column ? [{ field: column[1]!, message: message.split('\n').pop() ?? message }] : [];
}

/** The readable part of a message: SOQL errors open with the query and a caret line. */
function messageOf(items: ErrorItem[]): string {
  return items.map((i) => `${codeOf(i) ?? 'ERROR'}: ${(i.message ?? '').trim().split('\n').pop()}`).join('; ');
}

/** The definition's `errorParser`. */
export function salesforceErrorParser(response: VendorResponse): VendorErrorDetails | undefined {
  const parsed = errorBodySchema.safeParse(response.body);
  if (!parsed.success) return undefined;
  const items = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  const code = codeOf(items[0]!);
  const kind = code && response.status >= 400 && response.status !== 401 ? KIND_BY_CODE[code] : undefined;
  return { message: messageOf(items), code, fields: items.flatMap(fieldsOf), ...(kind ? { kind } : {}) };
}

/**
 * The definition's `classifyOutcome`. REQUEST_LIMIT_EXCEEDED comes as a 403, which would read
 * as "permission denied, re-authorise"; it is the org running out of API calls, so it is
 * transient (retried with backoff) and never flags the connection. A 300 is an ambiguous
 * external id: a conflict, not a success.
 */
export function classifySalesforceOutcome(response: VendorResponse): ErrorKind | undefined {
  if (response.status === 300) return 'conflict';
  if (response.status !== 403) return undefined;
  const parsed = errorBodySchema.safeParse(response.body);
  const items = parsed.success ? [parsed.data].flat() : [];
  return items.some((i) => codeOf(i) === 'REQUEST_LIMIT_EXCEEDED') ? 'transient' : undefined;
}

/** One record's errors from a Collections answer, as that record's outcome error. */
export function recordError(errors: ErrorItem[], action: 'create' | 'update' | 'delete'): ConnectorError {
  const items = errors.length > 0 ? errors : [{ statusCode: 'UNKNOWN_EXCEPTION', message: 'refused without a reason' }];
  const code = codeOf(items[0]!) ?? 'UNKNOWN_EXCEPTION';
  // An update naming an id Salesforce does not know answers INVALID_CROSS_REFERENCE_KEY without fields.
  const unknownId = code === 'INVALID_CROSS_REFERENCE_KEY' && action !== 'create' && !items[0]!.fields?.length;
  const kind: ErrorKind = unknownId ? 'not_found' : KIND_BY_CODE[code] ?? 'validation';
  const fields = items.flatMap(fieldsOf);
  const named = fields.length > 0 ? ` (fields: ${fields.map((f) => f.field).join(', ')})` : '';
  return new ConnectorError(`salesforce refused the record: ${messageOf(items)}${named}`, { kind, status: KIND_STATUS[kind], code, fields });
}
