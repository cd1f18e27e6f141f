/**
 * Customers computed from their index, for benchmarks: a million of them cost no memory. Ids,
 * emails and creation times are deterministic, and an id decodes back to its index, so
 * `starting_after` is O(1). Changes and deletions are kept as overrides beside the formula.
 * Generated customers were created one per second from 2020-09-13, so every customer created
 * through the API (now) is newer and is listed before them, as Stripe lists newest first.
 */
import { newCustomer, type Customer } from './objects/customer.js';
import { arrayView, type OrderedView, type OrderKey } from './ordered.js';

export const GENERATED_EPOCH = 1_600_000_000;
const PREFIX = 'cus_Gen';
const WIDTH = 11;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Ken', 'Radia', 'Linus', 'Frances', 'John'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Hamilton', 'Thompson', 'Perlman', 'Torvalds', 'Allen', 'Backus', 'Rosen'];

export function generatedId(index: number): string {
  let digits = '';
  let n = index;
  do {
    digits = BASE62[n % 62] + digits;
    n = Math.floor(n / 62);
  } while (n > 0);
  return PREFIX + digits.padStart(WIDTH, '0');
}

/** The index an id encodes, or undefined for any other id. */
export function generatedIndex(id: string): number | undefined {
  if (!id.startsWith(PREFIX) || id.length !== PREFIX.length + WIDTH) return undefined;
  let n = 0;
  for (const ch of id.slice(PREFIX.length)) {
    const digit = BASE62.indexOf(ch);
    if (digit < 0) return undefined;
    n = n * 62 + digit;
  }
  return n;
}

export function generatedCustomer(index: number): Customer {
  const name = `${FIRST[index % FIRST.length]} ${LAST[Math.floor(index / FIRST.length) % LAST.length]}`;
  return newCustomer(generatedId(index), GENERATED_EPOCH + index, {
    email: `customer${index}@example.com`, name, metadata: { generated: 'true', index: String(index) },
  });
}

export class GeneratedCustomers {
  private readonly changed = new Map<string, Customer>();
  private readonly deleted = new Map<string, Customer>();

  constructor(readonly count: number) {}

  indexOf(id: string): number | undefined {
    const index = generatedIndex(id);
    return index !== undefined && index < this.count ? index : undefined;
  }

  get(id: string): Customer | undefined {
    const index = this.indexOf(id);
    if (index === undefined || this.deleted.has(id)) return undefined;
    return this.changed.get(id) ?? generatedCustomer(index);
  }

  removed(id: string): Customer | undefined {
    return this.deleted.get(id);
  }

  keyOf(id: string): OrderKey | undefined {
    const index = this.indexOf(id);
    return index === undefined ? undefined : { createdMs: (GENERATED_EPOCH + index) * 1000, id };
  }

  replace(id: string, customer: Customer): void {
    this.changed.set(id, customer);
  }

  remove(id: string): Customer | undefined {
    const customer = this.get(id);
    if (customer) this.deleted.set(id, customer);
    return customer;
  }

  /** Newest first: position 0 is the highest index. Deleted ones are holes. */
  view(): OrderedView<Customer> {
    const last = this.count - 1;
    return {
      length: this.count,
      keyAt: (p) => ({ createdMs: (GENERATED_EPOCH + last - p) * 1000, id: generatedId(last - p) }),
      at: (p) => this.get(generatedId(last - p)),
    };
  }

  /** The customers with exactly this email: decoded from the formula, plus changed ones. */
  byEmail(email: string): OrderedView<Customer> {
    const found = new Map<string, Customer>();
    const index = /^customer(\d+)@example\.com$/.exec(email)?.[1];
    const candidate = index === undefined ? undefined : this.get(generatedId(Number(index)));
    if (candidate?.email === email) found.set(candidate.id, candidate);
    for (const customer of this.changed.values()) if (customer.email === email && !this.deleted.has(customer.id)) found.set(customer.id, customer);
    const list = [...found.values()].sort((a, b) => b.created - a.created);
    return arrayView(list, (c) => ({ createdMs: c.created * 1000, id: c.id }));
  }

  liveIds(): string[] {
    const ids: string[] = [];
    for (let i = this.count - 1; i >= 0; i--) if (!this.deleted.has(generatedId(i))) ids.push(generatedId(i));
    return ids;
  }
}
