/**
 * Seed data: plausible contacts, companies and notes from a seeded RNG, with modification times
 * spread into the past (one record every `spacingMs`, the newest a step before now), as a real
 * portal's history is. Records sharing one millisecond would make every incremental read a
 * re-read of everything, which is not what a sync meets in practice.
 */
import { seededRng, type Rng } from '../../../src/sandbox/index.js';
import type { ObjectType } from './objects.js';
import type { HubspotStore, StoredEntry } from './store.js';

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John', 'Margaret', 'Ken'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Backus', 'Hamilton', 'Thompson'];
const TITLES = ['CTO', 'Head of Sales', 'Engineer', 'Buyer', 'Operations Lead'];
const INDUSTRIES = ['COMPUTER_SOFTWARE', 'FINANCIAL_SERVICES', 'HOSPITAL_HEALTH_CARE', 'RETAIL', 'LOGISTICS_AND_SUPPLY_CHAIN'];
const WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne'];

/** @default 10 minutes between seeded records */
export const SEED_SPACING_MS = 10 * 60_000;

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

export class Seeder {
  private readonly rng: Rng;
  private serial = 0;

  constructor(private readonly store: HubspotStore, seed: number, private readonly spacingMs = SEED_SPACING_MS) {
    this.rng = seededRng(seed);
  }

  seed(type: ObjectType, count: number): StoredEntry[] {
    const now = this.store.clock.now();
    return Array.from({ length: count }, (_, i) => this.one(type, now - (count - i) * this.spacingMs));
  }

  private one(type: ObjectType, at: number): StoredEntry {
    const n = ++this.serial;
    const result = type === 'notes'
      ? this.store.create('notes', this.note(at, n), { at, associations: this.noteLinks(at) })
      : this.store.create(type, type === 'contacts' ? this.contact(n) : this.company(n), { at });
    if (!result.ok) throw new Error(`seeding ${type} failed: ${JSON.stringify(result)}`);
    return result.entry;
  }

  private contact(n: number): Record<string, string> {
    const [first, last] = [pick(this.rng, FIRST), pick(this.rng, LAST)];
    return {
      email: `${first}.${last}.${n}@example.com`.toLowerCase(), firstname: first, lastname: last,
      jobtitle: pick(this.rng, TITLES), phone: `+1 555 01${String(n % 100).padStart(2, '0')}`,
    };
  }

  private company(n: number): Record<string, string> {
    const name = `${pick(this.rng, WORDS)} ${pick(this.rng, ['Labs', 'Corp', 'Systems', 'Group'])} ${n}`;
    return {
      name, domain: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example.com`, industry: pick(this.rng, INDUSTRIES),
      numberofemployees: String(10 + Math.floor(this.rng() * 5000)), annualrevenue: String(100_000 + Math.floor(this.rng() * 50_000_000)),
    };
  }

  private note(at: number, n: number): Record<string, string> {
    return { hs_timestamp: new Date(at).toISOString(), hs_note_body: `<p>Call notes #${n}: ${pick(this.rng, WORDS)} asked about pricing.</p>` };
  }

  /** Notes hang off a contact and a company, as notes logged on a record do. */
  private noteLinks(at: number): { contacts: string[]; companies: string[] } {
    const contact = this.store.collections.contacts.list()[0] ?? this.one('contacts', at);
    const company = this.store.collections.companies.list()[0] ?? this.one('companies', at);
    return { contacts: [contact.id], companies: [company.id] };
  }
}
