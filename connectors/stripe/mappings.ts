/**
 * Default mappings between Stripe objects and canonical records (a tenant may override them).
 * Amounts stay in the currency's minor unit, as Stripe sends them (1000 = $10.00 in usd). An
 * activity's `type` is the object's own name (`charge`, `invoice`), its `occurredAt` the
 * object's `created` (epoch seconds).
 */
import type { FieldMapping } from '../../src/canonical/index.js';

type MappingInput = Array<Omit<FieldMapping, 'transform'> & { transform?: FieldMapping['transform'] }>;

export const customerToPerson: MappingInput = [
  { target: 'email', source: 'email', transform: 'lowercase' },
  { target: 'firstName', source: '_derived.first_name' },
  { target: 'lastName', source: '_derived.last_name' },
  { target: 'phone', source: 'phone', transform: 'trim' },
  { target: 'properties.name', source: 'name' },
  { target: 'properties.description', source: 'description' },
  { target: 'properties.metadata', source: 'metadata' },
  { target: 'properties.address', source: 'address' },
  { target: 'properties.currency', source: 'currency' },
  { target: 'properties.balance', source: 'balance' },
  { target: 'properties.delinquent', source: 'delinquent' },
  { target: 'properties.createdAt', source: 'created', transform: 'date' },
];

export const personToCustomer: MappingInput = [
  { target: 'email', source: 'email' },
  { target: 'phone', source: 'phone' },
  { target: '_derived.first_name', source: 'firstName' },
  { target: '_derived.last_name', source: 'lastName' },
  { target: 'name', source: 'properties.name' },
  { target: 'description', source: 'properties.description' },
  { target: 'metadata', source: 'properties.metadata' },
];

export const chargeToActivity: MappingInput = [
  { target: 'type', source: 'object' },
  { target: 'channel', source: 'payment_method_details.type' },
  { target: 'occurredAt', source: 'created', transform: 'date' },
  { target: 'personExternalId', source: 'customer' },
  { target: 'properties.amount', source: 'amount' },
  { target: 'properties.amountCaptured', source: 'amount_captured' },
  { target: 'properties.amountRefunded', source: 'amount_refunded' },
  { target: 'properties.currency', source: 'currency' },
  { target: 'properties.status', source: 'status' },
  { target: 'properties.paid', source: 'paid' },
  { target: 'properties.refunded', source: 'refunded' },
  { target: 'properties.description', source: 'description' },
  { target: 'properties.failureCode', source: 'failure_code' },
  { target: 'properties.receiptEmail', source: 'receipt_email' },
  { target: 'properties.paymentIntent', source: 'payment_intent' },
  { target: 'properties.metadata', source: 'metadata' },
];

export const invoiceToActivity: MappingInput = [
  { target: 'type', source: 'object' },
  { target: 'occurredAt', source: 'created', transform: 'date' },
  { target: 'personExternalId', source: 'customer' },
  { target: 'properties.amount', source: 'total' },
  { target: 'properties.amountDue', source: 'amount_due' },
  { target: 'properties.amountPaid', source: 'amount_paid' },
  { target: 'properties.amountRemaining', source: 'amount_remaining' },
  { target: 'properties.currency', source: 'currency' },
  { target: 'properties.status', source: 'status' },
  { target: 'properties.number', source: 'number' },
  { target: 'properties.billingReason', source: 'billing_reason' },
  { target: 'properties.customerEmail', source: 'customer_email' },
  { target: 'properties.hostedInvoiceUrl', source: 'hosted_invoice_url' },
  { target: 'properties.dueDate', source: 'due_date', transform: 'date' },
  { target: 'properties.paidAt', source: 'status_transitions.paid_at', transform: 'date' },
  { target: 'properties.metadata', source: 'metadata' },
];
