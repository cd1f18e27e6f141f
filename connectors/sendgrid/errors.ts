/**
 * SendGrid's error body, `{ errors: [{ message, field, help }] }`, in the platform's taxonomy.
 * `field` is SendGrid's own path (`personalizations.0.to.0.email`, `from.email`, `subject`); a
 * null field (bad key, rate limit) names nothing. Mail Send answers a sender that is not a
 * verified Sender Identity with a 403: that is the account's set-up, permanent either way.
 */
import type { FieldError, VendorErrorDetails, VendorResponse } from '../../src/core/index.js';
import { sendgridErrorSchema } from './schemas.js';

/** The definition's `errorParser`. */
export function parseSendGridError(response: VendorResponse): VendorErrorDetails | undefined {
  const parsed = sendgridErrorSchema.safeParse(response.body);
  if (!parsed.success) return undefined;
  const { errors } = parsed.data;
  const fields: FieldError[] = errors.filter((e) => e.field).map((e) => ({ field: e.field!, message: e.message }));
  const requestId = response.headers['x-request-id'] ?? (parsed.data as { id?: string }).id;
  return {
    message: `${errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ')}${requestId ? ` (request ${requestId})` : ''}`,
    fields,
  };
}
