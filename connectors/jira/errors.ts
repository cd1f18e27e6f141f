/**
 * Jira's error bodies → the platform's taxonomy. Jira answers an ErrorCollection,
 * `{ errorMessages: [...], errors: { field: message } }`: `errors` names the offending fields by
 * their Jira ids (`summary`, `customfield_10011`). The bulk create answers per-input errors in an
 * array (`errors[].elementErrors`, with `failedElementNumber`). A 401 is plain text, with
 * `X-Seraph-LoginReason` saying why; a 429 says which limit in `RateLimit-Reason`.
 */
import { ConnectorError, kindForStatus, type FieldError, type VendorErrorDetails, type VendorResponse } from '../../src/core/index.js';
import { bulkErrorSchema, errorCollectionSchema, type ErrorCollection } from './schemas.js';
import type { z } from 'zod';

type BulkError = z.output<typeof bulkErrorSchema>;

export function fieldErrors(collection: ErrorCollection | undefined): FieldError[] {
  return Object.entries(collection?.errors ?? {}).map(([field, message]) => ({ field, message }));
}

/** "Summary is required; priority: Specify a valid priority": messages first, then fields. */
export function messageOf(collection: ErrorCollection | undefined): string | undefined {
  const parts = [...(collection?.errorMessages ?? []), ...fieldErrors(collection).map((f) => `${f.field}: ${f.message}`)];
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function bulkErrors(body: unknown): BulkError[] | undefined {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return undefined;
  return errors.map((e) => bulkErrorSchema.safeParse(e)).filter((p) => p.success).map((p) => p.data);
}

/** Plain text (or an HTML page from the edge): its first line, bounded. */
function textMessage(body: string): string | undefined {
  const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, 200) : undefined;
}

/** The definition's `errorParser`. */
export function jiraErrorParser(response: VendorResponse): VendorErrorDetails | undefined {
  const { body, headers } = response;
  const reason = headers['ratelimit-reason'] ?? headers['x-seraph-loginreason'];
  if (typeof body === 'string') return { message: [textMessage(body), reason].filter(Boolean).join(' — ') || undefined, code: reason };
  // A bulk create refused whole: the array of per-input errors, not an ErrorCollection.
  const bulk = bulkErrors(body);
  if (bulk) {
    const collections = bulk.map((e) => e.elementErrors);
    const fields = collections.flatMap(fieldErrors);
    const messages = collections.map(messageOf).filter((m): m is string => m !== undefined);
    return { message: messages.join(' | ') || undefined, fields, code: reason };
  }
  const parsed = errorCollectionSchema.safeParse(body);
  if (!parsed.success) return reason ? { code: reason, message: reason } : undefined;
  const message = messageOf(parsed.data);
  return { message: reason && message ? `${message} (${reason})` : message ?? reason, fields: fieldErrors(parsed.data), code: reason };
}

/** One input's error from the bulk answer, as the ConnectorError of that record's outcome. */
export function elementError(error: BulkError): ConnectorError {
  const status = error.status ?? error.elementErrors?.status ?? 400;
  const fields = fieldErrors(error.elementErrors);
  const named = fields.length > 0 ? ` (fields: ${fields.map((f) => f.field).join(', ')})` : '';
  return new ConnectorError(`jira refused the issue: ${messageOf(error.elementErrors) ?? `status ${status}`}${named}`, {
    kind: kindForStatus(status), status, fields,
  });
}
