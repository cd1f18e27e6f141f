/**
 * Believable, reproducible org data: accounts, contacts at those accounts, tasks about them.
 * Records get modification times in the past, four to a second (bulk loads share seconds,
 * which is what makes the `Id` tie-break in keyset paging matter), the newest a step ago.
 */
import { seededRng, type Rng } from '../../../src/sandbox/index.js';
import type { SObjectType } from './schema.js';
import type { SalesforceStore, SfEntry } from './store.js';

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Margaret', 'Niklaus', 'Radia', 'Tim'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Hamilton', 'Wirth', 'Perlman', 'Berners-Lee'];
const TITLES = ['VP of Sales', 'CTO', 'Head of Operations', 'Procurement Lead', 'Data Engineer', 'CFO'];
const COMPANIES = ['Biglytics', 'Edge Communications', 'Burlington Textiles', 'Pyramid Construction', 'Grand Hotels', 'United Oil & Gas', 'Express Logistics', 'GenePoint'];
const INDUSTRIES = ['Technology', 'Manufacturing', 'Construction', 'Hospitality', 'Energy', 'Transportation', 'Biotechnology'];
const SUBTYPES = ['Task', 'Call', 'Email'];
const STATUSES = ['Not Started', 'In Progress', 'Completed'];

/** @default 60 seconds between groups of four */
export const SEED_SPACING_MS = 60_000;

export class Seeder {
  private readonly rng: Rng;
  private serial = 0;

  constructor(private readonly store: SalesforceStore, seed = 1, private readonly spacingMs = SEED_SPACING_MS) {
    this.rng = seededRng(seed);
  }

  seed(type: SObjectType, count: number): SfEntry[] {
    const now = this.store.clock.now();
    const groups = Math.ceil(count / 4);
    return Array.from({ length: count }, (_, i) => {
      const at = now - (groups - Math.floor(i / 4)) * this.spacingMs;
      const result = this.store.create(type, this.values(type), { at });
      if (!result.ok) throw new Error(`seed ${type}: ${JSON.stringify(result.problems)}`);
      return result.entry;
    });
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rng() * items.length)]!;
  }

  private any(type: SObjectType): string | null {
    const ids = this.store.liveIds(type);
    return ids.length > 0 ? this.pick(ids) : null;
  }

  private values(type: SObjectType): Record<string, unknown> {
    const n = ++this.serial;
    if (type === 'Account') {
      const name = `${this.pick(COMPANIES)} ${n}`;
      return {
        Name: name, Website: `www.${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example.com`, Industry: this.pick(INDUSTRIES),
        NumberOfEmployees: 10 + Math.floor(this.rng() * 5000), AnnualRevenue: Math.round(this.rng() * 50_000_000), External_Id__c: `ERP-${String(n).padStart(6, '0')}`,
      };
    }
    if (type === 'Contact') {
      const [first, last] = [this.pick(FIRST), this.pick(LAST)];
      return {
        FirstName: first, LastName: last, Email: `${first}.${last}.${n}@example.com`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
        Title: this.pick(TITLES), Phone: `(415) 555-${String(1000 + n).slice(-4)}`, AccountId: this.any('Account'),
      };
    }
    const due = new Date(this.store.clock.now() + Math.floor(this.rng() * 30) * 86_400_000).toISOString().slice(0, 10);
    return {
      Subject: `Follow up #${n}`, Status: this.pick(STATUSES), Priority: 'Normal', ActivityDate: due, TaskSubtype: this.pick(SUBTYPES),
      Description: `Call notes for follow-up ${n}`, WhoId: this.any('Contact'), WhatId: this.any('Account'),
    };
  }
}
