/**
 * NetSuite's error bodies in the platform's taxonomy. A body names the offending part of the
 * request: `o:errorPath` (a JSON path into the body, e.g. `email` or `item.items[0].item`),
 * `o:errorQueryParam` or `o:errorHeader` (docs.oracle.com … section_156570709583). Some refusals
 * name fields only in their text: "…Invalid Field Value x for the following field: email",
 * "Please enter value(s) for: Company Name, Subsidiary" (UI labels), SuiteQL's "Field 'x' for
 * record 'contact' was not found". Those are read from the text.
 */
import type { ErrorKind, FieldError, VendorErrorDetails, VendorResponse } from '../../src/core/index.js';
import { errorBodySchema, type ErrorDetail } from './schemas.js';

/** UI labels NetSuite names mandatory fields by, as record API field ids. */
const LABELS: Record<string, string> = {
  'company name': 'companyName', 'customer id': 'entityId', contact: 'entityId', name: 'entityId', subsidiary: 'subsidiary',
  'first name': 'firstName', 'last name': 'lastName', email: 'email', subject: 'title', 'job title': 'title', 'web address': 'url',
};

export function labelToField(label: string): string {
  const key = label.trim().toLowerCase();
  return LABELS[key] ?? key.replace(/\s+(\w)/g, (_, c: string) => c.toUpperCase());
}

export function fieldsOfDetail(detail: ErrorDetail): FieldError[] {
  const message = detail.detail ?? detail['o:errorCode'] ?? 'refused';
  const named = detail['o:errorPath'] ?? detail['o:errorQueryParam'] ?? detail['o:errorHeader'];
  if (named) return [{ field: named, message }];
  const text = detail.detail ?? '';
  const single = /for the following field: ([\w.[\]]+)/.exec(text) ?? /Field '([^']+)' for record/.exec(text);
  if (single) return [{ field: single[1]!, message }];
  const labels = /Please enter value\(s\) for: ([^.]+)/.exec(text);
  if (labels) return labels[1]!.split(',').map((label) => ({ field: labelToField(label), message }));
  return [];
}

/** Codes whose kind is not what the status says. */
function kindOf(status: number, details: ErrorDetail[]): ErrorKind | undefined {
  const codes = details.map((d) => d['o:errorCode'] ?? '');
  if (codes.includes('CONCURRENCY_LIMIT_EXCEEDED')) return 'transient';
  // A duplicate external id or customer id: the record exists already, not bad data.
  if (status === 400 && details.some((d) => /already exists/i.test(d.detail ?? ''))) return 'conflict';
  return undefined;
}

/** The definition's `errorParser`. */
export function netsuiteErrorParser(response: VendorResponse): VendorErrorDetails | undefined {
  const parsed = errorBodySchema.safeParse(response.body);
  if (!parsed.success) return typeof response.body === 'string' && response.body.trim() ? { message: response.body.trim().slice(0, 300) } : undefined;
  const details = parsed.data['o:errorDetails'];
  const code = details[0]?.['o:errorCode'];
  const message = details.map((d) => [d['o:errorCode'], d.detail].filter(Boolean).join(': ')).join('; ') || parsed.data.title;
  const kind = kindOf(response.status, details);
  return { message, code, fields: details.flatMap(fieldsOfDetail), ...(kind ? { kind } : {}) };
}
