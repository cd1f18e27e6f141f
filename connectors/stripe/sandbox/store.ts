/**
 * The sandbox's Stripe account: customers, charges, invoices and the event log. Every change
 * appends its event (`customer.created`, `.updated` with `previous_attributes`, `.deleted`), as
 * Stripe does, so the events API is the changes feed it is in production.
 */
import type { Clock } from '../../../src/sandbox/index.js';
import { CustomerTable } from './customers-table.js';
import { newCharge, type Charge, type ChargeInput } from './objects/charge.js';
import { newCustomer, type Customer } from './objects/customer.js';
import { newEvent, previousAttributes, type StripeEvent } from './objects/event.js';
import { newInvoice, type Invoice, type InvoiceInput } from './objects/invoice.js';
import { StripeTable, type StripeObject } from './table.js';

/** Where a change came from: the request (for the event's `request` hash) and, for seeds, when. */
export interface ChangeContext {
  requestId: string | null;
  idempotencyKey: string | null;
  /** Epoch ms of the change. @default the store's clock, strictly increasing */
  at?: number;
}

export const SEEDED: ChangeContext = { requestId: null, idempotencyKey: null };

export class StripeStore {
  readonly customers: CustomerTable;
  readonly charges: StripeTable<Charge>;
  readonly invoices: StripeTable<Invoice>;
  readonly events: StripeTable<StripeEvent>;
  private last = 0;

  constructor(readonly clock: Clock, readonly apiVersion: string, options: { seed?: number; generatedCustomers?: number } = {}) {
    const seed = options.seed ?? 1;
    this.customers = new CustomerTable(clock, seed, options.generatedCustomers ?? 0);
    this.charges = new StripeTable<Charge>('ch_', clock, seed + 1, 24);
    this.invoices = new StripeTable<Invoice>('in_', clock, seed + 2, 24);
    this.events = new StripeTable<StripeEvent>('evt_', clock, seed + 3, 24);
  }

  /** Strictly increasing ms, so two changes in one millisecond still list in the order they happened. */
  private stamp(ctx: ChangeContext): number {
    const at = ctx.at ?? Math.max(this.clock.now(), this.last + 1);
    if (ctx.at === undefined) this.last = at;
    return at;
  }

  private emit(type: string, object: object, ctx: ChangeContext, at: number, previous?: object): void {
    const event = newEvent(this.events.newId(), Math.floor(at / 1000), { type, object, previous, requestId: ctx.requestId, idempotencyKey: ctx.idempotencyKey, apiVersion: this.apiVersion });
    this.events.insert(event, at);
  }

  private changed<T extends StripeObject>(type: string, before: T, after: T, ctx: ChangeContext): void {
    const previous = previousAttributes(before, after);
    if (previous) this.emit(type, after, ctx, this.stamp(ctx), previous);
  }

  createCustomer(fields: Partial<Customer>, ctx: ChangeContext): Customer {
    const at = this.stamp(ctx);
    const customer = this.customers.insert(newCustomer(this.customers.newId(), Math.floor(at / 1000), fields), at);
    this.emit('customer.created', customer, ctx, at);
    return customer;
  }

  updateCustomer(id: string, apply: (current: Customer) => Customer, ctx: ChangeContext): Customer | undefined {
    const before = this.customers.get(id);
    if (!before) return undefined;
    const after = apply(before);
    this.customers.replace(id, after);
    this.changed('customer.updated', before, after, ctx);
    return after;
  }

  deleteCustomer(id: string, ctx: ChangeContext): Customer | undefined {
    const gone = this.customers.remove(id);
    if (gone) this.emit('customer.deleted', gone, ctx, this.stamp(ctx));
    return gone;
  }

  createCharge(input: ChargeInput, ctx: ChangeContext): Charge {
    const at = this.stamp(ctx);
    const charge = this.charges.insert(newCharge(this.charges.newId(), Math.floor(at / 1000), input), at);
    this.emit(charge.status === 'failed' ? 'charge.failed' : 'charge.succeeded', charge, ctx, at);
    return charge;
  }

  updateCharge(id: string, apply: (current: Charge) => Charge, ctx: ChangeContext): Charge | undefined {
    const before = this.charges.get(id);
    if (!before) return undefined;
    const after = apply(before);
    this.charges.replace(id, after);
    this.changed('charge.updated', before, after, ctx);
    return after;
  }

  /** What "Delete all test data" does to a charge: it vanishes, and no event says so. */
  purgeCharge(id: string): Charge | undefined {
    return this.charges.remove(id);
  }

  createInvoice(customer: Customer, input: InvoiceInput, ctx: ChangeContext): Invoice {
    const at = this.stamp(ctx);
    const invoice = this.invoices.insert(newInvoice(this.invoices.newId(), Math.floor(at / 1000), customer, input), at);
    this.emit('invoice.created', invoice, ctx, at);
    return invoice;
  }

  updateInvoice(id: string, apply: (current: Invoice) => Invoice, ctx: ChangeContext): Invoice | undefined {
    const before = this.invoices.get(id);
    if (!before) return undefined;
    const after = apply(before);
    this.invoices.replace(id, after);
    this.changed('invoice.updated', before, after, ctx);
    return after;
  }

  /** Only drafts can be deleted (docs.stripe.com/api/invoices/delete); the caller checks. */
  deleteInvoice(id: string, ctx: ChangeContext): Invoice | undefined {
    const gone = this.invoices.remove(id);
    if (gone) this.emit('invoice.deleted', gone, ctx, this.stamp(ctx));
    return gone;
  }
}
