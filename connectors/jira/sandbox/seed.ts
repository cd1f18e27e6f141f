/**
 * Seed data from a seeded RNG: people (a fifth of them hiding their email, as Atlassian's
 * profile privacy allows), and issues whose last updates are spread into the past, one every
 * `spacingMs`, the newest a step before now, as a real project's history is.
 */
import { seededRng, type Rng } from '../../../src/sandbox/index.js';
import { ISSUE_TYPES, PRIORITIES, PROJECTS, STATUSES } from './catalog.js';
import type { IssueEntry, JiraStore, UserEntry } from './store.js';

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'John', 'Margaret', 'Ken'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Backus', 'Hamilton', 'Thompson'];
const VERBS = ['Fix', 'Add', 'Remove', 'Refactor', 'Document', 'Investigate'];
const THINGS = ['login timeout', 'invoice export', 'search filter', 'webhook retries', 'dark mode', 'CSV import', 'rate limiter'];
const ZONES = ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo', 'UTC', 'Australia/Sydney'];

/** @default 10 minutes between seeded issues */
export const SEED_SPACING_MS = 10 * 60_000;

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

export class Seeder {
  private readonly rng: Rng;
  private serial = 0;

  constructor(private readonly store: JiraStore, seed: number, private readonly spacingMs = SEED_SPACING_MS) {
    this.rng = seededRng(seed);
  }

  /** Atlassian account ids: 24 hex digits. */
  accountId(): string {
    return Array.from({ length: 24 }, () => Math.floor(this.rng() * 16).toString(16)).join('');
  }

  user(data: { displayName: string; email: string; accountType?: 'atlassian' | 'app'; emailVisible?: boolean; timeZone?: string }): UserEntry {
    const accountId = this.accountId();
    return this.store.users.insert({
      accountId, accountType: data.accountType ?? 'atlassian', emailAddress: data.email, emailVisible: data.emailVisible ?? true,
      displayName: data.displayName, active: true, timeZone: data.timeZone ?? pick(this.rng, ZONES), locale: 'en_US',
    }, { id: accountId });
  }

  users(count: number): UserEntry[] {
    return Array.from({ length: count }, () => {
      const n = ++this.serial;
      const [first, last] = [pick(this.rng, FIRST), pick(this.rng, LAST)];
      return this.user({ displayName: `${first} ${last}`, email: `${first}.${last}.${n}@example.com`.toLowerCase(), emailVisible: n % 5 !== 0 });
    });
  }

  issues(count: number, reporter: string): IssueEntry[] {
    const now = this.store.clock.now();
    const people = this.store.users.list({ filter: (u) => u.data.active && u.data.accountType === 'atlassian' }).map((u) => u.id);
    return Array.from({ length: count }, (_, i) => {
      const n = ++this.serial;
      const project = PROJECTS[n % 5 === 0 ? 1 : 0]!;
      const summary = `${pick(this.rng, VERBS)} ${pick(this.rng, THINGS)} (#${n})`;
      const paragraphs = [`Reported by a customer on ticket ${1000 + n}.`, 'Steps:\nOpen the page\nWait a minute'];
      return this.store.createIssue({
        projectKey: project.key, number: this.store.nextNumber(project.key), summary,
        description: { type: 'doc', version: 1, content: paragraphs.map((p) => ({ type: 'paragraph', content: p.split('\n').flatMap((line, j) => (j > 0 ? [{ type: 'hardBreak' }, { type: 'text', text: line }] : [{ type: 'text', text: line }])) })) },
        issuetypeId: pick(this.rng, ISSUE_TYPES).id, statusId: pick(this.rng, STATUSES).id, priorityId: pick(this.rng, PRIORITIES).id,
        assignee: this.rng() < 0.8 && people.length > 0 ? pick(this.rng, people) : null, reporter,
        labels: this.rng() < 0.5 ? [pick(this.rng, ['backend', 'frontend', 'customer', 'tech-debt'])] : [], duedate: null, custom: {},
      }, now - (count - i) * this.spacingMs);
    });
  }
}
