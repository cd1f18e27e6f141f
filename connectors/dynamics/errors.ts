/**
 * Dataverse error bodies in the platform's taxonomy. The body is `{ error: { code, message } }`
 * (learn.microsoft.com/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors);
 * the attribute at fault is named only inside the message, in a handful of documented wordings:
 * "The length of the 'subject' attribute of the 'task' entity exceeded the maximum allowed
 * length of '200'." (0x80044331), OData's "The property 'x' does not exist on type …", "Could
 * not find a property named 'x' on type …" ($select, $filter).
 */
import type { ErrorKind, FieldError, VendorErrorDetails, VendorResponse } from '../../src/core/index.js';
import { errorBodySchema } from './schemas.js';

const FIELD_PATTERNS: RegExp[] = [
  /The length of the '([^']+)' attribute of the '[^']+' entity exceeded the maximum allowed length/g,
  /The property '([^']+)' does not exist on type 'Microsoft\.Dynamics\.CRM\.[^']+'/g,
  /Could not find a property named '([^']+)' on type/g,
  /The value .{1,80}? of '([^']+)' on record of type '[^']+' is outside the valid range/g,
  /An undeclared property '([^']+)' which only has property annotations in the payload/g,
];

/** Codes whose kind is not what their HTTP status says (learn.microsoft.com …/reference/web-service-error-codes). */
const KIND_BY_CODE: Record<string, ErrorKind> = {
  '0x80040217': 'not_found', // ObjectDoesNotExist: "contact With Id = … Does Not Exist"
  '0x80060892': 'conflict', // DuplicateAlternateKeyValues: "A record with matching key values already exists."
  '0x80040237': 'conflict', // DuplicateRecord: "Cannot insert duplicate key."
  '0x80072322': 'transient', // service protection: number of requests
  '0x80072321': 'transient', // service protection: execution time
  '0x80072326': 'transient', // service protection: concurrent requests
};

/** The attributes a message names, in order, once each. */
export function fieldsFromMessage(message: string): FieldError[] {
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const pattern of FIELD_PATTERNS) {
    for (const match of message.matchAll(pattern)) {
      const field = match[1]!.replace(/@odata\.bind$/, '');
      if (seen.has(field)) continue;
      seen.add(field);
      fields.push({ field, message: readable(message) });
    }
  }
  return fields;
}

/** Payload errors open with a long preamble and a help link; the OData exception says what is wrong. */
export function readable(message: string): string {
  const inner = /InnerException\s*:\s*[\w.]+Exception:\s*([\s\S]+)$/.exec(message);
  return (inner?.[1] ?? message).replace(/\s+/g, ' ').trim();
}

/** A 412 is Dataverse saying "that record exists" or "someone changed it": both conflicts. */
function kindOf(status: number, code: string | undefined): ErrorKind | undefined {
  if (code && KIND_BY_CODE[code]) return KIND_BY_CODE[code];
  return status === 412 ? 'conflict' : undefined;
}

/** The definition's `errorParser`. */
export function dynamicsErrorParser(response: VendorResponse): VendorErrorDetails | undefined {
  if (response.status === 401 && (response.body === undefined || response.body === '')) {
    // Dataverse answers a refused token with no body, only WWW-Authenticate.
    return { message: 'Dataverse refused the access token (expired, revoked, or issued for another environment)' };
  }
  const parsed = errorBodySchema.safeParse(response.body);
  if (!parsed.success) return undefined;
  const code = parsed.data.error.code || undefined;
  const text = readable(parsed.data.error.message ?? '');
  const kind = kindOf(response.status, code);
  return {
    message: [code, text].filter(Boolean).join(': ') || undefined,
    code,
    fields: fieldsFromMessage(parsed.data.error.message ?? ''),
    ...(kind && response.status !== 401 && response.status !== 403 ? { kind } : {}),
  };
}
