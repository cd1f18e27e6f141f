/**
 * Postmark's error body, `{ ErrorCode, Message }`, in the platform's taxonomy
 * (postmarkapp.com/developer/api/overview#error-codes). Most refusals are a 422 whose ErrorCode
 * says what is wrong: 300 (an invalid request: the sentence names the field, "Invalid 'To'
 * address", "Provide either email TextBody or HtmlBody or both."), 400/401 (the From is not a
 * confirmed Sender Signature), 406 (an inactive recipient), 1235 (an unknown message stream).
 * 10 is a bad token; 405, 412 and 413 mean the account may not send: permanent, not the message.
 * A 200 whose ErrorCode is not 0 is a refusal too.
 */
import type { ErrorKind, FieldError, VendorErrorDetails, VendorResponse } from '../../src/core/index.js';
import { postmarkErrorSchema } from './schemas.js';

const FIELD_OF_CODE: Record<number, string[]> = { 400: ['From'], 401: ['From'], 406: ['To'], 1235: ['MessageStream'] };
const ACCOUNT_CANNOT_SEND = new Set([10, 405, 412, 413]);

export function fieldsOf(code: number, message: string): FieldError[] {
  const named = [...message.matchAll(/'(From|To|Cc|Bcc|ReplyTo|Subject|Tag|MessageStream|TextBody|HtmlBody)'/g)].map((m) => m[1]!);
  if (/Zero recipients/i.test(message)) named.push('To');
  if (/TextBody or HtmlBody/.test(message)) named.push('TextBody', 'HtmlBody');
  for (const field of FIELD_OF_CODE[code] ?? []) named.push(field);
  return [...new Set(named)].map((field) => ({ field, message }));
}

function kindOf(code: number): ErrorKind | undefined {
  if (ACCOUNT_CANNOT_SEND.has(code)) return 'permanent';
  if (code === 429 || code === 100) return 'transient';
  return undefined;
}

/** The definition's `errorParser`. */
export function parsePostmarkError(response: VendorResponse): VendorErrorDetails | undefined {
  const parsed = postmarkErrorSchema.safeParse(response.body);
  if (!parsed.success) return undefined;
  const { ErrorCode: code, Message: message } = parsed.data;
  return { message: `ErrorCode ${code}: ${message}`, code: String(code), fields: fieldsOf(code, message), kind: kindOf(code) };
}

/** The definition's `classifyOutcome`: Postmark's body, not the status, has the last word. */
export function classifyPostmarkOutcome(response: VendorResponse): ErrorKind | undefined {
  if (response.status < 200 || response.status >= 300) return undefined;
  const parsed = postmarkErrorSchema.safeParse(response.body);
  return parsed.success && parsed.data.ErrorCode !== 0 ? (kindOf(parsed.data.ErrorCode) ?? 'validation') : undefined;
}
