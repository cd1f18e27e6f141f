/**
 * The sandbox site's data: issues and users in toolkit Collections. Issue ids are numeric and
 * global (10001, 10002...), keys count per project (SBX-1, SBX-2...). Deleting an issue is final,
 * as in Jira. The search reads an index that may trail writes by `searchLagMs` (Jira's enhanced
 * search is eventually consistent); issues named in `reconcileIssues` are read fresh.
 */
import { Collection, sequentialIds, type Clock, type Entry } from '../../../src/sandbox/index.js';
import type { AdfNodeLike } from './validate.js';

export interface StoredIssue {
  projectKey: string;
  number: number;
  summary: string;
  description: AdfNodeLike | null;
  issuetypeId: string;
  statusId: string;
  priorityId: string | null;
  assignee: string | null;
  reporter: string;
  labels: string[];
  duedate: string | null;
  custom: Record<string, unknown>;
}

export interface StoredUser {
  accountId: string;
  accountType: 'atlassian' | 'app' | 'customer';
  emailAddress: string;
  /** The profile's privacy choice: when false, the API omits `emailAddress`. */
  emailVisible: boolean;
  displayName: string;
  active: boolean;
  timeZone: string;
  locale: string;
}

export type IssueEntry = Entry<StoredIssue>;
export type UserEntry = Entry<StoredUser>;

export class JiraStore {
  readonly issues: Collection<StoredIssue>;
  readonly users: Collection<StoredUser>;
  private readonly counters = new Map<string, number>();
  private readonly keys = new Map<string, string>();
  /** Per issue id, its states over time, for the lagging search index. */
  private readonly history = new Map<string, Array<{ at: number; entry: IssueEntry | null }>>();

  constructor(readonly clock: Clock, private readonly searchLagMs = 0) {
    this.issues = new Collection<StoredIssue>({ clock, ids: sequentialIds({ start: 10001 }) });
    this.users = new Collection<StoredUser>({ clock });
  }

  nextNumber(projectKey: string): number {
    const next = (this.counters.get(projectKey) ?? 0) + 1;
    this.counters.set(projectKey, next);
    return next;
  }

  createIssue(data: StoredIssue, at?: number): IssueEntry {
    const entry = this.issues.insert(data, { at });
    this.keys.set(`${data.projectKey}-${data.number}`, entry.id);
    return this.remember(entry.id, entry, at);
  }

  updateIssue(id: string, patch: (current: StoredIssue) => StoredIssue): IssueEntry | undefined {
    const entry = this.issues.update(id, patch);
    return entry ? this.remember(id, entry) : undefined;
  }

  removeIssue(id: string): boolean {
    const grave = this.issues.remove(id);
    if (!grave) return false;
    this.keys.delete(`${grave.data.projectKey}-${grave.data.number}`);
    this.remember(id, null);
    return true;
  }

  /** By id (`10001`) or key (`SBX-1`, any case), as every `{issueIdOrKey}` path takes. */
  issue(ref: string): IssueEntry | undefined {
    const id = /^\d+$/.test(ref) ? ref : this.keys.get(ref.toUpperCase());
    return id === undefined ? undefined : this.issues.get(id);
  }

  /** What the search sees: the index as of `searchLagMs` ago, fresh for the reconciled ids. */
  searchable(reconcile: ReadonlySet<string> = new Set()): readonly IssueEntry[] {
    if (this.searchLagMs <= 0) return this.issues.list();
    const visibleAt = this.clock.now() - this.searchLagMs;
    const out: IssueEntry[] = [];
    for (const [id, states] of this.history) {
      const fresh = reconcile.has(id);
      const state = fresh ? states.at(-1) : states.filter((s) => s.at <= visibleAt).at(-1);
      if (state?.entry) out.push(state.entry);
    }
    return out;
  }

  user(accountId: string): UserEntry | undefined {
    return this.users.get(accountId);
  }

  private remember<T extends IssueEntry | null>(id: string, entry: T, at?: number): T {
    const states = this.history.get(id) ?? [];
    states.push({ at: at ?? this.clock.now(), entry });
    this.history.set(id, states);
    return entry;
  }
}
