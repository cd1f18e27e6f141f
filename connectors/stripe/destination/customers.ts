/**
 * Customers as a destination (docs.stripe.com/api/customers): one call per record with the
 * platform's idempotency key, outcomes per record. A deleted customer still answers a retrieve
 * (200, `deleted: true`): that counts as gone. Stripe cannot undelete, so a restore re-creates
 * the customer from its snapshot, under a new id.
 */
import { createHash, randomUUID } from 'node:crypto';
import { unwrap, type ConnectorResponse } from '../../../src/core/index.js';
import type { ConnectorContext, DestinationOperations, WriteOutcome } from '../../../src/registry/index.js';
import { toStripeForm } from '../form.js';
import { withDerivedName } from '../names.js';
import { customerOrDeletedSchema, customerSchema, deletedCustomerSchema, type StripeCustomer } from '../schemas.js';
import { findByEmail } from './find.js';
import { createParams, normaliseCustomerField, restoreParams, updateParams } from './params.js';
import { IN_FLIGHT, mapLimit } from './pool.js';

const path = (id: string) => `/v1/customers/${encodeURIComponent(id)}`;

function outcome(response: ConnectorResponse<StripeCustomer>): WriteOutcome {
  if (response.ok && response.body) return { ok: true, id: response.body.id, record: withDerivedName(response.body) };
  return { ok: false, error: response.error! };
}

function post(ctx: ConnectorContext, url: string, params: Record<string, unknown>, idempotencyKey: string) {
  return ctx.http.request({ method: 'POST', url, form: toStripeForm(params), idempotencyKey, schema: customerSchema, signal: ctx.signal });
}

export const customerDestination: DestinationOperations = {
  batchSize: 1,
  ignoreOnVerify: [
    '_derived', 'id', 'object', 'created', 'livemode', 'currency', 'default_source', 'delinquent', 'discount',
    'invoice_prefix', 'invoice_settings', 'next_invoice_sequence', 'test_clock',
  ],
  normalise: normaliseCustomerField,

  async get(ctx, ids) {
    const found = new Map<string, Record<string, unknown> | null>();
    await mapLimit(ids, IN_FLIGHT, async (id) => {
      const response = await ctx.http.request({ url: path(id), schema: customerOrDeletedSchema, signal: ctx.signal });
      if (!response.ok && response.error?.kind === 'not_found') return void found.set(id, null);
      const customer = unwrap(response);
      found.set(id, 'deleted' in customer && customer.deleted ? null : withDerivedName(customer as StripeCustomer));
    });
    return found;
  },

  async findByNaturalKey(ctx, values) {
    const found = new Map<string, Record<string, unknown>>();
    await mapLimit([...new Set(values)], IN_FLIGHT, async (email) => {
      const customer = await findByEmail(ctx, email);
      if (customer) found.set(email, withDerivedName(customer));
    });
    return found;
  },

  create(ctx, records, { idempotencyKeys }) {
    return mapLimit(records, IN_FLIGHT, async (record, i) => outcome(await post(ctx, '/v1/customers', createParams(record), idempotencyKeys[i] ?? randomUUID())));
  },

  update(ctx, records) {
    // A fresh key per call: a retry after a lost answer is deduplicated, not applied twice.
    return mapLimit(records, IN_FLIGHT, async ({ id, fields }) => outcome(await post(ctx, path(id), updateParams(fields), randomUUID())));
  },

  delete(ctx, ids) {
    return mapLimit(ids, IN_FLIGHT, async (id): Promise<WriteOutcome> => {
      const response = await ctx.http.request({ method: 'DELETE', url: path(id), schema: deletedCustomerSchema, signal: ctx.signal });
      // Already gone is what a delete wants; the read after it still checks.
      if (response.ok || response.error?.kind === 'not_found') return { ok: true, id };
      return { ok: false, error: response.error! };
    });
  },

  async restore(ctx, id, snapshot) {
    const params = restoreParams(snapshot);
    // The same snapshot restored twice (a retried rollback) creates one customer, not two.
    const key = `forgeworks-restore-${id}-${createHash('sha256').update(toStripeForm(params).toString()).digest('hex').slice(0, 16)}`;
    return outcome(await post(ctx, '/v1/customers', params, key));
  },
};
