/**
 * Pre-existing account data: objects created a day ago, one per second, each with the event its
 * creation raised then. Seeded data is therefore older than any read's lookback window, as an
 * account's history is when a connection is first made.
 */
import type { StripeStore } from './store.js';

export const SEEDABLE = ['customers', 'charges', 'invoices'] as const;
export type SeedableObject = (typeof SEEDABLE)[number];

const FIRST = ['Jenny', 'Ada', 'Grace', 'Alan', 'Katherine', 'Tim', 'Hedy', 'Claude', 'Mary', 'Dennis'];
const LAST = ['Rosen', 'Lovelace', 'Hopper', 'Turing', 'Johnson', 'Berners-Lee', 'Lamarr', 'Shannon', 'Jackson', 'Ritchie'];
const PLANS = ['free', 'pro', 'enterprise'];
const DAY_MS = 24 * 60 * 60 * 1000;

export class Seeder {
  private serial = 0;

  constructor(private readonly store: StripeStore) {}

  private at(i: number): number {
    return this.store.clock.now() - DAY_MS + (this.serial + i) * 1000;
  }

  seed(object: SeedableObject, count: number): string[] {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(this.one(object, i));
    this.serial += count;
    return ids;
  }

  private one(object: SeedableObject, i: number): string {
    const n = this.serial + i;
    const ctx = { requestId: null, idempotencyKey: null, at: this.at(i) };
    if (object === 'customers') {
      return this.store.createCustomer({
        email: `${FIRST[n % FIRST.length]!.toLowerCase()}.${n}@example.com`, name: `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]}`,
        phone: `+1555${String(1_000_000 + n).slice(-7)}`, metadata: { plan: PLANS[n % PLANS.length]! },
      }, ctx).id;
    }
    const customers = this.store.customers.memory.ids();
    if (object === 'charges') {
      const customer = customers.length > 0 ? this.store.customers.get(customers[n % customers.length]!) : undefined;
      return this.store.createCharge({
        amount: 1000 + (n % 50) * 100, currency: 'usd', customer: customer?.id ?? null, description: `Order #${1000 + n}`,
        receipt_email: customer?.email ?? null, billingName: customer?.name ?? null, declineCode: n % 17 === 16 ? 'generic_decline' : undefined,
      }, ctx).id;
    }
    const customerId = customers[n % Math.max(1, customers.length)] ?? this.seed('customers', 1)[0]!;
    return this.store.createInvoice(this.store.customers.get(customerId)!, { amount: 2000 + (n % 20) * 500, currency: 'usd', description: `Invoice ${n}` }, ctx).id;
  }
}
