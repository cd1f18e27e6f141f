/**
 * Customers: the in-memory ones (created through the API or seeded) followed, in list order, by
 * the generated ones of a benchmark sandbox. Callers see one table.
 */
import type { Clock } from '../../../src/sandbox/index.js';
import { GeneratedCustomers } from './generated.js';
import type { Customer } from './objects/customer.js';
import { concatViews, type OrderedView, type OrderKey } from './ordered.js';
import { StripeTable } from './table.js';

export class CustomerTable {
  readonly memory: StripeTable<Customer>;
  readonly generated: GeneratedCustomers;

  constructor(clock: Clock, seed: number, generatedCount = 0) {
    this.memory = new StripeTable<Customer>('cus_', clock, seed);
    this.generated = new GeneratedCustomers(generatedCount);
  }

  newId(): string {
    return this.memory.newId();
  }

  insert(customer: Customer, createdMs: number): Customer {
    return this.memory.insert(customer, createdMs);
  }

  get(id: string): Customer | undefined {
    return this.memory.get(id) ?? this.generated.get(id);
  }

  /** A deleted customer as it was, for the `customer.deleted` event and the 200 `deleted: true` answer. */
  removed(id: string): Customer | undefined {
    return this.memory.removed(id) ?? this.generated.removed(id);
  }

  keyOf(id: string): OrderKey | undefined {
    return this.memory.keyOf(id) ?? this.generated.keyOf(id);
  }

  replace(id: string, customer: Customer): void {
    if (this.memory.get(id)) this.memory.replace(id, customer);
    else this.generated.replace(id, customer);
  }

  remove(id: string): Customer | undefined {
    return this.memory.remove(id) ?? this.generated.remove(id);
  }

  /** Stripe's `email` list filter: exact and case-sensitive (docs.stripe.com/api/customers/list). */
  view(email?: string): OrderedView<Customer> {
    if (email === undefined) return concatViews(this.memory.view(), this.generated.view());
    return concatViews(this.memory.view((c) => c.email === email), this.generated.byEmail(email));
  }

  liveIds(): string[] {
    return [...this.memory.ids(), ...this.generated.liveIds()];
  }
}
