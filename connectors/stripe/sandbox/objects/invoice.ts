/**
 * The invoice object with every top-level key of Stripe's fixture (fixtures3.json `invoice`):
 * a one-line invoice for a customer, draft until finalised.
 */
import type { StripeObject } from '../table.js';
import type { Customer } from './customer.js';

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'uncollectible' | 'void';

export interface Invoice extends StripeObject {
  object: 'invoice';
  customer: string;
  status: InvoiceStatus;
  metadata: Record<string, string>;
  [key: string]: unknown;
}

export interface InvoiceInput {
  amount: number;
  currency: string;
  description?: string | null;
  metadata?: Record<string, string>;
  status?: InvoiceStatus;
}

export function newInvoice(id: string, created: number, customer: Customer, input: InvoiceInput): Invoice {
  const status = input.status ?? 'draft';
  const paid = status === 'paid';
  const line = {
    id: `il_${id.slice(3)}`, object: 'line_item', amount: input.amount, currency: input.currency, description: input.description ?? 'Subscription',
    discount_amounts: [], discountable: true, discounts: [], invoice: id, livemode: false, metadata: {},
    period: { end: created, start: created }, quantity: 1, subscription: null, pretax_credit_amounts: [], taxes: [], parent: null,
    pricing: { type: 'price_details', unit_amount_decimal: String(input.amount) }, subtotal: input.amount, quantity_decimal: '1',
  };
  return {
    id, object: 'invoice',
    account_country: 'US', account_name: 'Forgeworks sandbox', account_tax_ids: null,
    amount_due: input.amount, amount_paid: paid ? input.amount : 0, amount_remaining: paid ? 0 : input.amount, amount_overpaid: 0, amount_shipping: 0,
    application: null, attempt_count: paid ? 1 : 0, attempted: paid,
    auto_advance: status === 'draft', automatic_tax: { enabled: false, liability: null, status: null, disabled_reason: null, provider: null },
    automatically_finalizes_at: null, billing_reason: 'manual', collection_method: 'charge_automatically',
    created, currency: input.currency, custom_fields: null, customer: customer.id,
    customer_account: null, customer_address: customer.address ?? null, customer_email: customer.email, customer_name: customer.name, customer_phone: customer.phone,
    customer_shipping: customer.shipping ?? null, customer_tax_exempt: 'none', customer_tax_ids: [],
    default_payment_method: null, default_source: null, default_tax_rates: [], description: input.description ?? null, discounts: [],
    due_date: null, effective_at: status === 'draft' ? null : created, ending_balance: status === 'draft' ? null : 0, footer: null, from_invoice: null,
    hosted_invoice_url: status === 'draft' ? null : `https://invoice.stripe.com/i/${id}`, invoice_pdf: status === 'draft' ? null : `https://pay.stripe.com/invoice/${id}/pdf`,
    issuer: { type: 'self' }, last_finalization_error: null, latest_revision: null,
    lines: { object: 'list', data: input.amount > 0 ? [line] : [], has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false, metadata: input.metadata ?? {}, next_payment_attempt: null,
    number: status === 'draft' ? null : `${String(customer.invoice_prefix)}-0001`, on_behalf_of: null, parent: null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: created, period_start: created, post_payment_credit_notes_amount: 0, pre_payment_credit_notes_amount: 0,
    receipt_number: null, rendering: null, shipping_cost: null, shipping_details: null, starting_balance: 0, statement_descriptor: null,
    status,
    status_transitions: { finalized_at: status === 'draft' ? null : created, marked_uncollectible_at: null, paid_at: paid ? created : null, voided_at: null },
    subscription: null, subtotal: input.amount, subtotal_excluding_tax: input.amount, test_clock: null,
    total: input.amount, total_discount_amounts: [], total_excluding_tax: input.amount, total_pretax_credit_amounts: [], total_taxes: [],
    webhooks_delivered_at: created,
  };
}
