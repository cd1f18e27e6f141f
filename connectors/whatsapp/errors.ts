/**
 * Graph's error body in the platform's taxonomy. Meta asks clients to decide on `code` and
 * `error_data.details`, not on the HTTP status (developers.facebook.com, WhatsApp Cloud API
 * "Error codes"), and the status does lie: throttling (130429, 131056, 80007, 4) comes as a 400.
 * Fields come from the texts Graph writes: "(#100) The parameter to is required.",
 * "(#100) Param text['body'] must be at most 4096 characters long.", and from codes that are
 * about one field (131030 recipient not allowed → `to`, 132001 unknown template → `template.name`).
 */
import type { ErrorKind, FieldError, VendorErrorDetails, VendorResponse } from '../../src/core/index.js';
import { graphErrorSchema, type GraphError } from './schemas.js';

const THROTTLED = new Set([4, 17, 32, 613, 80007, 130429, 131048, 131056]);
const SERVER_SIDE = new Set([1, 2, 131000, 131016, 133004]);
// 0 and 190: the token; 10 and 200–299: permissions; 368, 131031: the account is blocked or locked.
const REFUSED = new Set([0, 3, 10, 190, 368, 131005, 131031]);
const FIELD_OF_CODE: Record<number, string> = {
  131021: 'to', 131026: 'to', 131030: 'to', 131047: 'to',
  132000: 'template.components', 132001: 'template.name', 132005: 'template.components', 132007: 'template.components', 132012: 'template.components',
};

/** `text['body']` → `text.body`, `template['components'][0]` → `template.components.0`. */
export function graphParamToField(param: string): string {
  return param.replace(/\[['"]?([^'"\]]+)['"]?\]/g, '.$1');
}

export function fieldsOf(error: GraphError): FieldError[] {
  const texts = [error.message, error.error_data?.details].filter((t): t is string => Boolean(t));
  const fields: FieldError[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(/\bparameter (\S+?) is required/gi)) fields.push({ field: graphParamToField(match[1]!), message: text });
    for (const match of text.matchAll(/\bParam (\S+?) (?:must|is|should|has)\b/g)) fields.push({ field: graphParamToField(match[1]!), message: text });
    for (const match of text.matchAll(/\bParameter '([^']+)' is mandatory/g)) fields.push({ field: graphParamToField(match[1]!), message: text });
  }
  const byCode = error.code === undefined ? undefined : FIELD_OF_CODE[error.code];
  if (byCode && !fields.some((f) => f.field === byCode)) fields.push({ field: byCode, message: texts.join(': ') || 'refused' });
  return fields;
}

function kindOf(status: number, error: GraphError): ErrorKind | undefined {
  const code = error.code;
  if (code === undefined) return undefined;
  if (THROTTLED.has(code) || SERVER_SIDE.has(code)) return 'transient';
  if (REFUSED.has(code) || (code >= 200 && code <= 299)) return 'permanent';
  // An unknown phone number id (100, subcode 33) is the connection's mistake: asking again will not help.
  if (code === 100 && error.error_subcode === 33) return 'permanent';
  // An unknown template is answered 404, but it is the message that is wrong, not a missing record.
  if (code === 132001) return 'validation';
  return status >= 500 ? 'transient' : undefined;
}

/** The definition's `errorParser`. */
export function parseGraphError(response: VendorResponse): VendorErrorDetails | undefined {
  const parsed = graphErrorSchema.safeParse(response.body);
  if (!parsed.success) return undefined;
  const error = parsed.data.error;
  const details = error.error_data?.details;
  const trace = error.fbtrace_id ? ` (fbtrace_id ${error.fbtrace_id})` : '';
  return {
    message: `${error.message ?? error.type ?? 'Graph API error'}${details ? `: ${details}` : ''}${trace}`,
    code: error.code === undefined ? error.type : String(error.code),
    fields: fieldsOf(error),
    kind: kindOf(response.status, error),
  };
}
