/**
 * Pre-existing records for tests and the demo: believable names, unique emails and organization
 * names, changed one `spacingMs` apart and all older than Zendesk's one-minute export delay, so
 * an incremental read from a checkpoint sees only what changed after it.
 */
import { seededRng, type Entry } from '../../../src/sandbox/index.js';
import { OWNER } from './auth.js';
import { ORGANIZATION_DEFAULTS, USER_DEFAULTS, type OrganizationData, type TicketData, type UserData } from './model.js';
import type { ObjectName, ZendeskStore } from './store.js';

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Tim'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Perlman', 'Berners-Lee'];
const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell', 'Soylent'];
const SUBJECTS = ['Cannot log in', 'Invoice is wrong', 'Feature request: export', 'Printer on fire', 'Password reset', 'Slow dashboard'];

/** @default 60_000: a minute between seeded changes */
export const SEED_SPACING_MS = 60_000;

export class Seeder {
  private counter = 0;
  private readonly rng: () => number;

  constructor(private readonly store: ZendeskStore, seed: number, private readonly spacingMs = SEED_SPACING_MS) {
    this.rng = seededRng(seed + 13);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rng() * list.length)]!;
  }

  seed(object: ObjectName, count: number): string[] {
    const now = this.store.clock.now();
    // The newest seeded change is two spacings old: outside the export delay, before any touch.
    const at = (i: number) => now - (count - i + 1) * this.spacingMs;
    return Array.from({ length: count }, (_, i) => this.one(object, at(i)).id);
  }

  private one(object: ObjectName, at: number): Entry<unknown> {
    const n = ++this.counter;
    const { store } = this;
    if (object === 'users') {
      const [first, last] = [this.pick(FIRST), this.pick(LAST)];
      const user: UserData = { ...USER_DEFAULTS, name: `${first} ${last}`, email: `${first}.${last}.${n}@example.com`.toLowerCase(), phone: `+1555${String(n).padStart(7, '0')}`, external_id: `crm-${n}`, tags: ['seeded'] };
      return store.users.insert(user, { at });
    }
    if (object === 'organizations') {
      const name = `${this.pick(COMPANIES)} ${n}`;
      const org: OrganizationData = { ...ORGANIZATION_DEFAULTS, name, external_id: `acct-${n}`, domain_names: [`${name.toLowerCase().replace(/\s+/g, '-')}.example.com`], tags: ['seeded'] };
      return store.organizations.insert(org, { at });
    }
    const requester = store.liveIds('users')[n % Math.max(1, store.liveIds('users').length)];
    const ticket: TicketData = {
      subject: `${this.pick(SUBJECTS)} #${n}`, description: 'Reported through the web form.', status: 'open', priority: 'normal', type: 'question',
      requester_id: requester ? Number(requester) : OWNER.id, submitter_id: OWNER.id, assignee_id: OWNER.id,
      organization_id: null, group_id: null, external_id: null, tags: ['seeded'], channel: 'web',
    };
    return store.tickets.insert(ticket, { at });
  }
}
