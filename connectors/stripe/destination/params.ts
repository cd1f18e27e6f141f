/**
 * A vendor-shaped customer record → the parameters of a create or an update. Read-only fields
 * are dropped (Stripe would refuse them); anything else goes through, so a field Stripe does
 * not know is named back by its `parameter_unknown` error. A `name` is composed from the
 * `_derived` parts when only those are given.
 */
import { joinName, type NameParts } from '../names.js';

const READ_ONLY = new Set([
  '_derived', 'id', 'object', 'created', 'livemode', 'deleted', 'currency', 'default_source', 'delinquent', 'discount',
  'test_clock', 'sources', 'subscriptions', 'tax_ids', 'cash_balance', 'invoice_credit_balance',
]);
/** Unique per account, so a re-created customer must not claim the old one's numbering. */
const NOT_RESTORED = new Set(['invoice_prefix', 'next_invoice_sequence']);

export function updateParams(record: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (!READ_ONLY.has(key) && value !== undefined) params[key] = value;
  if (params.name === undefined) {
    const name = joinName(record._derived as NameParts | undefined);
    if (name) params.name = name;
  }
  return params;
}

/** A create sends what is set; `null` (unset) has nothing to unset yet. */
export function createParams(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(updateParams(record)).filter(([, value]) => value !== null));
}

export function restoreParams(snapshot: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(createParams(snapshot)).filter(([key]) => !NOT_RESTORED.has(key)));
}

/** Stripe stores metadata values as strings and drops empty ones: compare what it will keep. */
export function normaliseCustomerField(field: string, value: unknown): unknown {
  if (field === 'metadata' && value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
  }
  if (field === 'email' && typeof value === 'string') return value.trim();
  return value;
}
