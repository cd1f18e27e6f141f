/**
 * The Events API's answers (developer.pagerduty.com, "Send an Alert Event"): 202
 * `{ status: "success", message: "Event processed", dedup_key }`; 400 `{ status: "invalid event",
 * message: "Event object is invalid", errors: [...] }`; 429 with no body. The error sentences
 * follow the ones PagerDuty is seen to send ("Length of 'routing_key' is incorrect (should be 32
 * characters)", "'routing_key' cannot contain non-alphanumeric characters.", "Invalid routing
 * key"); the others are modelled on them.
 */
import { SandboxHttpError, type SandboxResponse } from '../../../src/sandbox/index.js';

const JSON_TYPE = { 'content-type': 'application/json' };

export function accepted(dedupKey: string): SandboxResponse {
  return { status: 202, headers: JSON_TYPE, body: { status: 'success', message: 'Event processed', dedup_key: dedupKey } };
}

export function invalidEvent(errors: string[], status = 400): SandboxResponse {
  return { status, headers: JSON_TYPE, body: { status: 'invalid event', message: 'Event object is invalid', errors } };
}

export const invalidRoutingKey = () => invalidEvent(['Invalid routing key']);

/** PagerDuty's 429 carries no body and no documented headers. */
export const throttled = (): SandboxResponse => ({ status: 429, headers: { 'content-type': 'text/plain' }, body: '' });

export function fail(response: SandboxResponse): never {
  throw new SandboxHttpError(response.status, response.body, response.headers);
}
