/**
 * Plausible rows for the sandbox's tables, from a seeded random source so a run is repeatable:
 * accounts with websites and sizes, contacts (some under an account), open tasks regarding a
 * contact or an account.
 */
import { seededRng, type Rng } from '../../../src/sandbox/index.js';
import { ACCOUNT, CONTACT, TASK, type Table } from './schema.js';
import type { DataverseStore, Row } from './store.js';

const FIRST = ['Nancy', 'Rene', 'Yvonne', 'Susanna', 'Patrick', 'Maria', 'Sidney', 'Scott', 'Robert', 'Paul', 'Thomas', 'Adrian'];
const LAST = ['Anderson', 'Valdes', 'McKay', 'Stephens', 'Sands', 'Campbell', 'Higa', 'Konersmann', 'Lyon', 'Cannon', 'Andersen', 'Dumitrascu'];
const COMPANIES = ['Fourth Coffee', 'Litware', 'Adventure Works', 'Fabrikam', 'Blue Yonder Airlines', 'City Power & Light', 'Contoso Pharmaceuticals', 'Alpine Ski House', 'A. Datum', 'Coho Winery'];
const TITLES = ['Purchasing Manager', 'VP Sales', 'Owner', 'IT Director', 'Buyer', 'Office Manager'];
const SUBJECTS = ['Follow up on the proposal', 'Send the price list', 'Schedule a demo', 'Call about the renewal', 'Check the delivery date'];
const INDUSTRIES = [1, 4, 6, 7, 12, 16, 30, 33];

export class Seeder {
  private readonly rng: Rng;
  private n = 0;

  constructor(private readonly store: DataverseStore, seed: number) {
    this.rng = seededRng(seed);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rng() * list.length)]!;
  }

  private some(table: Table): Row | undefined {
    const rows = this.store.rows(table);
    return rows.length > 0 ? rows[Math.floor(this.rng() * rows.length)] : undefined;
  }

  private valuesFor(table: Table): Record<string, unknown> {
    const n = ++this.n;
    if (table === ACCOUNT) {
      const name = `${this.pick(COMPANIES)} ${n}`;
      return {
        name, websiteurl: `https://www.${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example.com`, telephone1: `555-01${String(n % 100).padStart(2, '0')}`,
        industrycode: this.pick(INDUSTRIES), numberofemployees: 10 + Math.floor(this.rng() * 5000), revenue: Math.round(this.rng() * 1e7) / 100, statecode: 0,
      };
    }
    if (table === CONTACT) {
      const [first, last] = [this.pick(FIRST), this.pick(LAST)];
      const account = this.rng() < 0.7 ? this.some(ACCOUNT) : undefined;
      return {
        firstname: first, lastname: last, emailaddress1: `${first}.${last}.${n}@example.com`.toLowerCase(), jobtitle: this.pick(TITLES),
        telephone1: `555-02${String(n % 100).padStart(2, '0')}`, statecode: 0, ...(account ? { _parentcustomerid_value: { id: account.id, table: 'account' } } : {}),
      };
    }
    const regarding = this.rng() < 0.6 ? this.some(CONTACT) : this.some(ACCOUNT);
    return {
      subject: `${this.pick(SUBJECTS)} #${n}`, scheduledend: new Date(Date.UTC(2025, 0, 1 + (n % 300), 16)).toISOString().replace(/\.000Z$/, 'Z'),
      prioritycode: 1, statecode: 0, statuscode: 2,
      ...(regarding ? { _regardingobjectid_value: { id: regarding.id, table: this.store.get(CONTACT, regarding.id) ? 'contact' : 'account' } } : {}),
    };
  }

  seed(table: Table, count: number): Row[] {
    return Array.from({ length: count }, () => this.store.insert(table, this.valuesFor(table)));
  }
}

export const SEED_ORDER = [ACCOUNT, CONTACT, TASK] as const;
