/**
 * The customer object with every top-level key of Stripe's fixture (fixtures3.json `customer`);
 * unset hashes are null as Stripe sends them (address, shipping, discount).
 */
import { createHash } from 'node:crypto';
import type { StripeObject } from '../table.js';

export interface Customer extends StripeObject {
  object: 'customer';
  email: string | null;
  name: string | null;
  phone: string | null;
  description: string | null;
  metadata: Record<string, string>;
  [key: string]: unknown;
}

/** What a delete answers, and what a GET of a deleted customer answers afterwards (200). */
export interface DeletedCustomer {
  id: string;
  object: 'customer';
  deleted: true;
}

/** The customer fields a request may set (docs.stripe.com/api/customers/create). */
export const CUSTOMER_WRITABLE = [
  'address', 'balance', 'description', 'email', 'invoice_prefix', 'invoice_settings', 'metadata', 'name',
  'next_invoice_sequence', 'phone', 'preferred_locales', 'shipping', 'tax_exempt',
] as const;

/** Stripe gives each customer a unique invoice number prefix; derived from the id here. */
export function invoicePrefix(id: string): string {
  return createHash('sha1').update(id).digest('hex').slice(0, 8).toUpperCase();
}

export function newCustomer(id: string, created: number, fields: Partial<Customer> = {}): Customer {
  // A create naming only some settings (`invoice_settings[footer]`) still has the others, unset.
  const { invoice_settings: settings, ...rest } = fields;
  return {
    id,
    object: 'customer',
    address: null,
    balance: 0,
    created,
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: null,
    invoice_prefix: invoicePrefix(id),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null, ...(settings as object | undefined) },
    livemode: false,
    metadata: {},
    name: null,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
    ...rest,
  };
}

export function deletedCustomer(id: string): DeletedCustomer {
  return { id, object: 'customer', deleted: true };
}
