/**
 * Stripe's own answer for each status the conformance suite injects, body and headers as Stripe
 * sends them (docs.stripe.com/api/errors, docs.stripe.com/error-codes). Stripe never answers
 * 422; the 422 here is a 400-style body under that status, for the suite's sake.
 */
import type { SandboxResponse } from '../../../src/sandbox/index.js';
import { invalidKeyResponse, newRequestId } from './auth.js';
import { errorBody, maskKey, RATE_LIMIT_BODY, type StripeErrorFields } from './errors.js';

type Status = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503;

function bodyFor(status: Exclude<Status, 401 | 429>, apiKey: string): StripeErrorFields {
  switch (status) {
    case 400:
      return { type: 'invalid_request_error', code: 'parameter_invalid_integer', param: 'limit', message: "This value must be less than or equal to 100 (it currently is '101')." };
    case 403:
      return {
        type: 'invalid_request_error',
        message: `The provided key '${maskKey(apiKey)}' does not have the required permissions for this endpoint on account 'acct_1Sandbox0000000'. Having the 'rak_customer_read' permission would allow this request to continue.`,
      };
    case 404:
      return { type: 'invalid_request_error', code: 'resource_missing', param: 'id', message: "No such customer: 'cus_missing00000000'" };
    case 409:
      return { type: 'idempotency_error', code: 'idempotency_key_in_use', message: 'There is currently another in-progress request using this idempotent key (that probably means you submitted twice, and the other request is still going through). Please try again later.' };
    case 422:
      return { type: 'invalid_request_error', code: 'parameter_invalid_empty', param: 'email', message: 'You passed an empty string for \'email\'. We assume empty values are an attempt to unset a parameter; however \'email\' cannot be unset.' };
    case 503:
      return { type: 'api_error', message: 'Stripe is temporarily unavailable. Please try again later.' };
  }
}

export function errorAnswer(status: Status, apiKey: string): SandboxResponse {
  if (status === 401) return invalidKeyResponse(apiKey);
  const headers = { 'content-type': 'application/json', 'request-id': newRequestId() };
  if (status === 429) return { status, headers, body: RATE_LIMIT_BODY };
  return { status, headers, body: errorBody(bodyFor(status, apiKey)) };
}
