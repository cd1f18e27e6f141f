/**
 * The objects read from Stripe, as data: where they are listed, which events carry their
 * changes (docs.stripe.com/api/events/types), which of those mean "deleted", and the schema each
 * object is parsed with. `types[]` takes up to 20 names; wildcards (`charge.*`) are avoided on
 * purpose, since they also match `charge.dispute.*` and `charge.refund.*`, whose objects are not
 * charges. `invoice.upcoming` is left out too: an upcoming invoice has no id.
 */
import type { z } from 'zod';
import { withDerivedName } from '../names.js';
import { chargeSchema, customerSchema, invoiceSchema } from '../schemas.js';

export interface StripeResource {
  path: string;
  objectType: 'customer' | 'charge' | 'invoice';
  schema: z.ZodType<{ id: string; created: number }>;
  eventTypes: string[];
  deletedTypes: string[];
  /** The record the platform stores (customers gain `_derived` name parts). */
  toRecord(object: Record<string, unknown>): Record<string, unknown>;
}

const asIs = (object: Record<string, unknown>) => object;

export const customers: StripeResource = {
  path: '/v1/customers',
  objectType: 'customer',
  schema: customerSchema,
  eventTypes: ['customer.created', 'customer.updated', 'customer.deleted'],
  deletedTypes: ['customer.deleted'],
  toRecord: withDerivedName,
};

export const charges: StripeResource = {
  path: '/v1/charges',
  objectType: 'charge',
  schema: chargeSchema,
  eventTypes: ['charge.captured', 'charge.expired', 'charge.failed', 'charge.pending', 'charge.refunded', 'charge.succeeded', 'charge.updated'],
  // Stripe never deletes a charge; one can only vanish with a test-data purge, found by reconciliation.
  deletedTypes: [],
  toRecord: asIs,
};

export const invoices: StripeResource = {
  path: '/v1/invoices',
  objectType: 'invoice',
  schema: invoiceSchema,
  eventTypes: [
    'invoice.created', 'invoice.deleted', 'invoice.finalization_failed', 'invoice.finalized', 'invoice.marked_uncollectible',
    'invoice.overdue', 'invoice.overpaid', 'invoice.paid', 'invoice.payment_action_required', 'invoice.payment_failed',
    'invoice.payment_succeeded', 'invoice.sent', 'invoice.updated', 'invoice.voided', 'invoice.will_be_due',
  ],
  deletedTypes: ['invoice.deleted'],
  toRecord: asIs,
};
