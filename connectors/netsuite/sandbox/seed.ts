/**
 * Seeded records for tests and `forge sandbox netsuite`, dated in the past one minute apart
 * (oldest first), so an incremental read from a recent checkpoint sees only what changed since.
 * Contacts and phone calls point at existing customers (and calls at their contacts) when any.
 */
import { seededRng, type Rng } from '../../../src/sandbox/index.js';
import type { RecordType } from './schema.js';
import type { NetsuiteStore } from './store.js';

/** Between two seeded records' creation times. */
export const SEED_SPACING_MS = 60_000;

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Tim'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Perlman', 'Berners-Lee'];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Soylent'];

export class Seeder {
  private readonly rng: Rng;
  private serial = 0;

  constructor(private readonly store: NetsuiteStore, seed: number) {
    this.rng = seededRng(seed);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rng() * list.length)]!;
  }

  private anyOf(type: RecordType): { id: string } | null {
    const ids = this.store.liveIds(type);
    return ids.length === 0 ? null : { id: this.pick(ids) };
  }

  private body(type: RecordType, n: number): Record<string, unknown> {
    if (type === 'customer') {
      const name = `${this.pick(COMPANIES)} ${n}`;
      return { companyName: `${name} Corp`, email: `billing@${name.toLowerCase().replace(/\s+/g, '-')}.example.com`, url: `https://www.${name.toLowerCase().replace(/\s+/g, '-')}.example.com`, phone: `+1 555 01${String(n % 100).padStart(2, '0')}`, subsidiary: { id: String(1 + (n % 3)) } };
    }
    if (type === 'contact') {
      const [first, last] = [this.pick(FIRST), this.pick(LAST)];
      return { firstName: first, lastName: last, email: `${first}.${last}.${n}@example.com`.toLowerCase(), title: this.pick(['CFO', 'Controller', 'Buyer', 'CTO']), company: this.anyOf('customer'), subsidiary: { id: '1' } };
    }
    return {
      title: `Call ${n}: ${this.pick(['renewal', 'invoice question', 'onboarding', 'escalation'])}`, status: this.pick(['SCHEDULED', 'COMPLETE']),
      priority: this.pick(['HIGH', 'MEDIUM', 'LOW']), startDate: '2024-03-0' + String(1 + (n % 9)), company: this.anyOf('customer'), contact: this.anyOf('contact'), owner: { id: '7' },
    };
  }

  /** Creates `count` records of a type; returns their ids. */
  seed(type: RecordType, count: number): string[] {
    const now = this.store.clock.now();
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const body = Object.fromEntries(Object.entries(this.body(type, ++this.serial)).filter(([, v]) => v !== null));
      const result = this.store.create(type, body, now - (count - i) * SEED_SPACING_MS);
      if (!result.ok) throw new Error(`seeding a ${type} failed: ${result.details.map((d) => d.detail).join('; ')}`);
      ids.push(result.entry.id);
    }
    return ids;
  }
}
