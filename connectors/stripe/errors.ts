/**
 * Stripe's error body, `{ error: { type, code, message, param, decline_code, doc_url,
 * request_log_url } }` (docs.stripe.com/api/errors), read into the platform's taxonomy:
 * `param` names the field (`metadata[plan]` → `metadata.plan`), a 402 `card_error` is a
 * permanent per-record failure, an `idempotency_error` a conflict, `rate_limit` and
 * `lock_timeout` transient; `Stripe-Should-Retry` (docs.stripe.com/error-low-level) overrides
 * the status when Stripe says whether a retry can help.
 */
import { kindForStatus, type ErrorKind, type VendorErrorDetails, type VendorResponse } from '../../src/core/index.js';
import { stripeErrorSchema } from './schemas.js';

/** `metadata[plan]` → `metadata.plan`, `shipping[address][line1]` → `shipping.address.line1`. */
export function paramToField(param: string): string {
  return param.replace(/\[([^\]]*)\]/g, '.$1');
}

function kindOf(status: number, type: string, code: string | undefined): ErrorKind | undefined {
  if (code === 'rate_limit' || code === 'lock_timeout') return 'transient';
  if (type === 'card_error') return 'permanent';
  if (type === 'idempotency_error') return status === 409 ? 'transient' : 'conflict';
  return undefined;
}

export function parseStripeError(response: VendorResponse): VendorErrorDetails | undefined {
  const parsed = stripeErrorSchema.safeParse(response.body);
  if (!parsed.success) return undefined;
  const { type, message, code, param, decline_code: declineCode } = parsed.data.error;
  const requestId = response.headers['request-id'];
  const text = [message ?? type, declineCode ? `decline code ${declineCode}` : undefined, requestId ? `request ${requestId}` : undefined].filter(Boolean).join('; ');
  return {
    message: text,
    code: code ?? type,
    fields: param ? [{ field: paramToField(param), message: message ?? code ?? type }] : [],
    kind: kindOf(response.status, type, code),
  };
}

/**
 * `Stripe-Should-Retry: false` on a failure that would otherwise be retried (a replayed 500)
 * stops the retries; `true` (a lock timeout, an idempotency key still in use) asks for one.
 */
export function classifyStripeOutcome(response: VendorResponse): ErrorKind | undefined {
  if (response.status < 400) return undefined;
  const advice = response.headers['stripe-should-retry'];
  if (advice === 'false' && kindForStatus(response.status) === 'transient') return 'permanent';
  if (advice === 'true') return 'transient';
  return undefined;
}
