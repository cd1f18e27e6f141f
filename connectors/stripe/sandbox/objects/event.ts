/**
 * The event object with every top-level key of Stripe's fixture (fixtures3.json `event`).
 * `data.object` is a snapshot of the object at the change; updates carry the old values of the
 * changed keys in `data.previous_attributes` (docs.stripe.com/api/events/object).
 */
import type { StripeObject } from '../table.js';

export interface StripeEvent extends StripeObject {
  object: 'event';
  type: string;
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
  [key: string]: unknown;
}

export interface EventInput {
  type: string;
  object: object;
  previous?: object;
  requestId: string | null;
  idempotencyKey: string | null;
  apiVersion: string;
}

export function newEvent(id: string, created: number, input: EventInput): StripeEvent {
  const data: StripeEvent['data'] = { object: structuredClone(input.object) as Record<string, unknown> };
  if (input.previous) data.previous_attributes = structuredClone(input.previous) as Record<string, unknown>;
  return {
    id,
    object: 'event',
    api_version: input.apiVersion,
    created,
    data,
    livemode: false,
    pending_webhooks: 0,
    request: { id: input.requestId, idempotency_key: input.idempotencyKey },
    type: input.type,
  };
}

/** The old values of the top-level keys that changed (Stripe's `previous_attributes`). */
export function previousAttributes(before: object, after: object): Record<string, unknown> | undefined {
  const old = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  const changed: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
    if (JSON.stringify(old[key]) !== JSON.stringify(now[key])) changed[key] = old[key] ?? null;
  }
  return Object.keys(changed).length > 0 ? changed : undefined;
}
