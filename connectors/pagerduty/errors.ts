/**
 * The Events API's refusal, `{ status: "invalid event", message: "Event object is invalid",
 * errors: ["Length of 'routing_key' is incorrect (should be 32 characters)"] }`, in the
 * platform's taxonomy. Fields are the quoted names in `errors` (PagerDuty's own names:
 * `routing_key`, `payload.summary`). A refused integration key ("Invalid routing key", or one of
 * the wrong shape) is a 400 but it is the credential, not the event: permanent, so the
 * connection is marked for re-entry instead of each message failing as bad data.
 */
import type { FieldError, VendorErrorDetails, VendorResponse } from '../../src/core/index.js';
import { refusedSchema } from './schemas.js';

export function fieldsFromErrors(errors: string[]): FieldError[] {
  const fields: FieldError[] = [];
  for (const error of errors) {
    const named = [...error.matchAll(/'([A-Za-z_][A-Za-z0-9_.]*)'/g)].map((m) => m[1]!);
    if (/routing key/i.test(error) && !named.includes('routing_key')) named.push('routing_key');
    for (const field of new Set(named)) fields.push({ field, message: error });
  }
  return fields;
}

/** The definition's `errorParser`. */
export function parsePagerDutyError(response: VendorResponse): VendorErrorDetails | undefined {
  const parsed = refusedSchema.safeParse(response.body);
  if (!parsed.success) return undefined;
  const { status, message, errors = [] } = parsed.data;
  const fields = fieldsFromErrors(errors);
  const credential = response.status === 400 && fields.some((f) => f.field === 'routing_key');
  return {
    message: [message ?? status, errors.join('; ')].filter(Boolean).join(': '),
    code: status,
    fields,
    ...(credential ? { kind: 'permanent' as const } : {}),
  };
}
