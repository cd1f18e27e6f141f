import { systemClock, type Clock } from './clock.js';
import { compareIds, sequentialIds, type IdGenerator } from './ids.js';

/** One stored record. Entries are replaced, never mutated, so a held copy is a snapshot. */
export interface Entry<T> {
  readonly id: string;
  readonly data: T;
  /** Epoch ms from the collection's clock; each vendor formats them its own way. */
  readonly createdAt: number;
  readonly updatedAt: number;
  /** 1 on insert, +1 on every update, archive and restore (ETags, optimistic locking). */
  readonly version: number;
  readonly archived: boolean;
  readonly archivedAt: number | undefined;
}

/** What a hard delete leaves behind, for vendors with a deleted-records feed. */
export interface Tombstone<T> {
  readonly id: string;
  readonly deletedAt: number;
  /** The record as it was, since some feeds (Zendesk deleted users) still show its fields. */
  readonly data: T;
}

export type SortKey<T> = 'id' | 'createdAt' | 'updatedAt' | ((entry: Entry<T>) => string | number);

export interface ListOptions<T> {
  /** @default false */
  includeArchived?: boolean;
  filter?: (entry: Entry<T>) => boolean;
  /** Ties are broken by id, so the order is total and stable across calls. @default 'id' */
  sortBy?: SortKey<T>;
  /** Reverses the whole order, tie-break included (Stripe lists newest first). @default 'asc' */
  order?: 'asc' | 'desc';
}

export interface CollectionOptions {
  /** @default sequentialIds() */
  ids?: IdGenerator;
  /** @default systemClock */
  clock?: Clock;
}

/** In-memory records of one object type, in a Map keyed by id. */
export class Collection<T extends object> {
  private readonly records = new Map<string, Entry<T>>();
  private readonly graves: Tombstone<T>[] = [];
  // Sorted, archive-filtered views by `sortBy:order:includeArchived`, dropped on every change.
  private readonly sorted = new Map<string, Entry<T>[]>();
  private readonly nextId: IdGenerator;
  private readonly clock: Clock;

  constructor(options: CollectionOptions = {}) {
    this.nextId = options.ids ?? sequentialIds();
    this.clock = options.clock ?? systemClock;
  }

  /**
   * The first record matching, in no particular order: a uniqueness check (an email, a name)
   * scans once instead of re-sorting a collection that changes on every insert.
   */
  find(predicate: (entry: Entry<T>) => boolean, options: { includeArchived?: boolean } = {}): Entry<T> | undefined {
    for (const entry of this.records.values()) if ((options.includeArchived || !entry.archived) && predicate(entry)) return entry;
    return undefined;
  }

  /** Records stored, archived ones included. */
  get size(): number {
    return this.records.size;
  }

  /** @param options.id a natural id instead of a generated one; @param options.at creation time */
  insert(data: T, options: { id?: string; at?: number } = {}): Entry<T> {
    const id = options.id ?? this.nextId();
    if (this.records.has(id)) throw new Error(`Collection already holds id ${id}`);
    const at = options.at ?? this.clock.now();
    return this.put({ id, data, createdAt: at, updatedAt: at, version: 1, archived: false, archivedAt: undefined });
  }

  /** Inserts `n` records made by `factory(i)`, i from 0. */
  seed(n: number, factory: (i: number) => T): Entry<T>[] {
    return Array.from({ length: n }, (_, i) => this.insert(factory(i)));
  }

  /** Archived records are returned too: whether they are visible is the vendor's call. */
  get(id: string): Entry<T> | undefined {
    return this.records.get(id);
  }

  /** Shallow-merges a patch, or replaces data with `patch(current)`; `undefined` when absent. */
  update(id: string, patch: Partial<T> | ((current: T) => T)): Entry<T> | undefined {
    const current = this.records.get(id);
    if (!current) return undefined;
    const data = typeof patch === 'function' ? patch(current.data) : ({ ...current.data, ...patch } as T);
    return this.put({ ...current, data, updatedAt: this.clock.now(), version: current.version + 1 });
  }

  /** Soft delete: the record stays, flagged, with `archivedAt`. Archiving twice changes nothing. */
  archive(id: string): Entry<T> | undefined {
    const current = this.records.get(id);
    if (!current || current.archived) return current;
    const now = this.clock.now();
    return this.put({ ...current, archived: true, archivedAt: now, updatedAt: now, version: current.version + 1 });
  }

  /** Undoes an archive. */
  restore(id: string): Entry<T> | undefined {
    const current = this.records.get(id);
    if (!current?.archived) return current;
    return this.put({ ...current, archived: false, archivedAt: undefined, updatedAt: this.clock.now(), version: current.version + 1 });
  }

  /** Hard delete, archived or not; leaves a tombstone. `undefined` when absent. */
  remove(id: string): Tombstone<T> | undefined {
    const current = this.records.get(id);
    if (!current) return undefined;
    this.records.delete(id);
    this.sorted.clear();
    const grave = { id, deletedAt: this.clock.now(), data: current.data };
    this.graves.push(grave);
    return grave;
  }

  /** Tombstones with `deletedAt >= since` (inclusive, like most vendors' start times), oldest first. */
  tombstones(since = -Infinity): Tombstone<T>[] {
    return this.graves
      .filter((grave) => grave.deletedAt >= since)
      .sort((a, b) => a.deletedAt - b.deletedAt || compareIds(a.id, b.id));
  }

  /**
   * Records in a total, stable order. Unfiltered lists are cached until the next change, so
   * paging through a large collection does not re-sort or re-copy it per page; hence `readonly`.
   */
  list(options: ListOptions<T> = {}): readonly Entry<T>[] {
    const { includeArchived = false, filter, sortBy = 'id', order = 'asc' } = options;
    const cacheKey = typeof sortBy === 'string' ? `${sortBy}:${order}:${includeArchived}` : undefined;
    const cached = cacheKey === undefined ? undefined : this.sorted.get(cacheKey);
    const base = cached ?? this.ordered(sortBy, order).filter((entry) => includeArchived || !entry.archived);
    if (cacheKey !== undefined && !cached) this.sorted.set(cacheKey, base);
    return filter ? base.filter(filter) : base;
  }

  /** Forgets every record and tombstone. */
  clear(): void {
    this.records.clear();
    this.graves.length = 0;
    this.sorted.clear();
  }

  private put(entry: Entry<T>): Entry<T> {
    this.records.set(entry.id, entry);
    this.sorted.clear();
    return entry;
  }

  private ordered(sortBy: SortKey<T>, order: 'asc' | 'desc'): Entry<T>[] {
    const value = typeof sortBy === 'function' ? sortBy : (e: Entry<T>) => (sortBy === 'id' ? 0 : e[sortBy]);
    const sign = order === 'asc' ? 1 : -1;
    return [...this.records.values()].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const byValue = va < vb ? -1 : va > vb ? 1 : 0;
      return sign * (byValue || compareIds(a.id, b.id));
    });
  }
}
