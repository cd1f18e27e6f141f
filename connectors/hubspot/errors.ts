/**
 * HubSpot error bodies → the platform's taxonomy. HubSpot names refused properties three ways:
 * `errors[].context.propertyName` (documented example), `errors[].in`, and a JSON list inside the
 * message ("Property values were not valid: [{"name":"email","error":"INVALID_EMAIL",…}]"),
 * which is all a 207's per-record error carries. The field names are HubSpot's property names.
 */
import { ConnectorError, kindForStatus, type ErrorKind, type FieldError, type VendorErrorDetails, type VendorResponse } from '../../src/core/index.js';
import { errorBodySchema, listedPropertiesSchema, type HubspotErrorBody } from './schemas.js';

const LISTED_PREFIX = 'Property values were not valid: ';

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function listedProperties(message: string | undefined): Array<{ name: string; message?: string; error?: string }> {
  if (!message?.startsWith(LISTED_PREFIX)) return [];
  try {
    const parsed = listedPropertiesSchema.safeParse(JSON.parse(message.slice(LISTED_PREFIX.length)));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function fieldErrors(body: HubspotErrorBody): FieldError[] {
  const fields = new Map<string, string>();
  for (const detail of body.errors ?? []) {
    for (const name of strings(detail.context?.propertyName)) fields.set(name, detail.message ?? 'refused');
    // `in` also says "body" or "query" for malformed requests; only a property name is a field.
    if (detail.in && !['body', 'query', 'path', 'header'].includes(detail.in)) fields.set(detail.in, detail.message ?? 'refused');
  }
  for (const name of strings(body.context?.propertyName)) if (!fields.has(name)) fields.set(name, body.message ?? 'refused');
  for (const listed of listedProperties(body.message)) fields.set(listed.name, listed.message ?? listed.error ?? 'refused');
  return [...fields].map(([field, message]) => ({ field, message }));
}

/** HubSpot's code for the failure: the property error (INVALID_EMAIL), else the category. */
function codeOf(body: HubspotErrorBody): string | undefined {
  return listedProperties(body.message)[0]?.error ?? body.errors?.find((e) => e.code)?.code ?? body.category ?? body.errorType ?? body.error ?? body.status;
}

/** A readable message: the JSON list is summarised as "email: Email address x is invalid". */
function messageOf(body: HubspotErrorBody): string | undefined {
  const listed = listedProperties(body.message);
  if (listed.length > 0) return `Property values were not valid: ${listed.map((p) => `${p.name}: ${p.message ?? p.error}`).join('; ')}`;
  const base = body.message ?? body.error_description;
  return body.policyName && base ? `${base} (${body.policyName})` : base;
}

/** The definition's `errorParser`. */
export function hubspotErrorParser(response: VendorResponse): VendorErrorDetails | undefined {
  const parsed = errorBodySchema.safeParse(response.body);
  if (!parsed.success) return undefined;
  const body = parsed.data;
  // The daily quota resets at midnight: retrying within this sync cannot succeed.
  const kind: ErrorKind | undefined = response.status === 429 && body.policyName === 'DAILY' ? 'permanent' : undefined;
  return { message: messageOf(body), code: codeOf(body), fields: fieldErrors(body), ...(kind ? { kind } : {}) };
}

const CATEGORY_KINDS: Record<string, { kind: ErrorKind; status: number }> = {
  VALIDATION_ERROR: { kind: 'validation', status: 400 },
  CONFLICT: { kind: 'conflict', status: 409 },
  OBJECT_NOT_FOUND: { kind: 'not_found', status: 404 },
  RATE_LIMITS: { kind: 'transient', status: 429 },
};

/** One record's error from a 207 answer, as the ConnectorError of that record's outcome. */
export function recordError(body: HubspotErrorBody): ConnectorError {
  const mapped = CATEGORY_KINDS[body.category ?? ''] ?? { kind: kindForStatus(Number(body.status) || 400), status: Number(body.status) || 400 };
  const fields = fieldErrors(body);
  const named = fields.length > 0 ? ` (fields: ${fields.map((f) => f.field).join(', ')})` : '';
  return new ConnectorError(`hubspot refused the record: ${messageOf(body) ?? body.category ?? 'unknown error'}${named}`, {
    kind: mapped.kind, status: mapped.status, code: codeOf(body), fields,
  });
}
