/**
 * Zendesk's error bodies in the platform's taxonomy. A refusal names its attributes in
 * `details` (`{ email: [{ description: 'Email: … is not properly formatted', error:
 * 'InvalidFormat' }] }`); a job's per-record result only has `details` as one sentence
 * ("Email: … is not properly formatted"), whose leading labels name the attributes.
 */
import { ConnectorError, type ErrorKind, type FieldError, type VendorErrorDetails, type VendorResponse } from '../../src/core/index.js';
import { errorBodySchema, type JobResult, type ZendeskErrorBody } from './schemas.js';

// Labels Zendesk prints that are not simply the attribute name capitalised.
const LABELS: Record<string, string> = { external: 'external_id', 'external id': 'external_id', organization: 'organization_id', 'domain names': 'domain_names' };

export function labelToField(label: string): string {
  const key = label.trim().toLowerCase();
  return LABELS[key] ?? key.replace(/\s+/g, '_');
}

/** The attributes named in a sentence such as "Email: x is not properly formatted, Name: is too short". */
export function fieldsFromSentence(text: string): FieldError[] {
  const fields: FieldError[] = [];
  // Labels start the sentence or follow punctuation; Zendesk chains them ("Name: Email: …").
  for (const match of text.matchAll(/(?<=^|[,.;:]\s)([A-Z][A-Za-z ]{0,40}?):\s/g)) fields.push({ field: labelToField(match[1]!), message: text });
  return fields;
}

export function fieldsFromDetails(details: ZendeskErrorBody['details']): FieldError[] {
  if (details === undefined) return [];
  if (typeof details === 'string') return fieldsFromSentence(details);
  return Object.entries(details).map(([field, entries]) => {
    const list = Array.isArray(entries) ? entries : [entries];
    const message = list.map((e) => (typeof e === 'string' ? e : e.description ?? e.error ?? 'refused')).join('; ');
    return { field, message };
  });
}

/** Every detail is a duplicate (an email or organization name taken): a conflict, not bad data. */
function onlyDuplicates(details: ZendeskErrorBody['details']): boolean {
  if (!details || typeof details === 'string') return false;
  const errors = Object.values(details).flatMap((e) => (Array.isArray(e) ? e : [e])).map((e) => (typeof e === 'string' ? '' : e.error));
  return errors.length > 0 && errors.every((e) => e === 'DuplicateValue');
}

/** The definition's `errorParser`. */
export function zendeskErrorParser(response: VendorResponse): VendorErrorDetails | undefined {
  // A few answers (rate limits on single records) are plain text.
  if (typeof response.body === 'string' && response.body.trim()) return { message: response.body.trim().slice(0, 300) };
  const parsed = errorBodySchema.safeParse(response.body);
  if (!parsed.success) return undefined;
  const { error, description, details } = parsed.data;
  const code = typeof error === 'string' ? error : error?.title;
  const text = typeof error === 'object' ? error.message : description;
  const message = [code, text].filter(Boolean).join(': ') || undefined;
  const kind: ErrorKind | undefined = response.status === 422 && onlyDuplicates(details) ? 'conflict' : undefined;
  return { message, code, fields: fieldsFromDetails(details), ...(kind ? { kind } : {}) };
}

const RESULT_KINDS: Record<string, ErrorKind> = { RecordNotFound: 'not_found', DuplicateValue: 'conflict', PermissionDenied: 'permanent', Forbidden: 'permanent' };

/** One record's failure in a completed job, as the ConnectorError of its outcome. */
export function jobResultError(result: JobResult): ConnectorError {
  const details = typeof result.details === 'string' ? result.details : undefined;
  const fields = result.details === undefined ? [] : typeof result.details === 'string' ? fieldsFromSentence(result.details) : fieldsFromDetails(result.details as ZendeskErrorBody['details']);
  const kind = RESULT_KINDS[result.error ?? ''] ?? (/already (been taken|being used)/.test(details ?? '') ? 'conflict' : 'validation');
  const named = fields.length > 0 ? ` (fields: ${fields.map((f) => f.field).join(', ')})` : '';
  return new ConnectorError(`zendesk refused the record: ${[result.error, details].filter(Boolean).join(': ') || 'no reason given'}${named}`, {
    kind, status: kind === 'not_found' ? 404 : kind === 'conflict' ? 409 : 422, code: result.error, fields,
  });
}
