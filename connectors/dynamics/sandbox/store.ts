/**
 * The environment's rows. Every insert, update and delete takes the next value of one
 * environment-wide row version (SQL Server's rowversion, which Dataverse shows as
 * `versionnumber` and in `@odata.etag`); change tracking answers "what changed after version
 * V" from it, deletions included, so a delete leaves a tombstone carrying its version.
 */
import type { Clock, IdGenerator } from '../../../src/sandbox/index.js';
import type { Table } from './schema.js';

export interface LookupValue {
  id: string;
  /** Logical name of the table it points at. */
  table: string;
}

export interface Row {
  readonly id: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly createdon: number;
  readonly modifiedon: number;
  readonly versionnumber: number;
}

export interface Tombstone {
  readonly id: string;
  readonly versionnumber: number;
  readonly deletedAt: number;
}

export class DataverseStore {
  private version = 1_204_000;
  private readonly rowsBySet = new Map<string, Map<string, Row>>();
  private readonly graves = new Map<string, Tombstone[]>();
  private readonly sorted = new Map<string, Row[]>();

  constructor(private readonly clock: Clock, private readonly nextId: IdGenerator, private readonly owner: LookupValue) {}

  /** The version the next change will be after; a change-tracking read's snapshot. */
  get currentVersion(): number {
    return this.version;
  }

  private table(set: string): Map<string, Row> {
    let rows = this.rowsBySet.get(set);
    if (!rows) this.rowsBySet.set(set, (rows = new Map()));
    return rows;
  }

  private put(table: Table, row: Row): Row {
    const values = { ...row.values, ...table.computed?.(row.values) };
    const stored = { ...row, values };
    this.table(table.set).set(row.id, stored);
    return stored;
  }

  insert(table: Table, values: Record<string, unknown>, id?: string): Row {
    const key = (id ?? this.nextId()).toLowerCase();
    if (this.table(table.set).has(key)) throw new Error(`${table.set} already holds ${key}`);
    const now = this.clock.now();
    this.sorted.delete(table.set);
    return this.put(table, { id: key, values: { _ownerid_value: this.owner, ...values }, createdon: now, modifiedon: now, versionnumber: ++this.version });
  }

  update(table: Table, id: string, patch: Record<string, unknown>): Row | undefined {
    const current = this.get(table, id);
    if (!current) return undefined;
    return this.put(table, { ...current, values: { ...current.values, ...patch }, modifiedon: this.clock.now(), versionnumber: ++this.version });
  }

  delete(table: Table, id: string): boolean {
    const rows = this.table(table.set);
    if (!rows.delete(id.toLowerCase())) return false;
    this.sorted.delete(table.set);
    const graves = this.graves.get(table.set) ?? [];
    graves.push({ id: id.toLowerCase(), versionnumber: ++this.version, deletedAt: this.clock.now() });
    this.graves.set(table.set, graves);
    return true;
  }

  get(table: Table, id: string): Row | undefined {
    return this.table(table.set).get(id.toLowerCase());
  }

  /** Every row, by primary key. Cached until a row is added or removed. */
  rows(table: Table): readonly Row[] {
    let list = this.sorted.get(table.set);
    if (!list) this.sorted.set(table.set, (list = [...this.table(table.set).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))));
    // Updates replace rows in the map: read the current version of each.
    return list.map((row) => this.table(table.set).get(row.id) ?? row);
  }

  /** Rows changed and rows deleted with a version in (after, upTo], oldest first. */
  changes(table: Table, after: number, upTo: number): { rows: Row[]; deleted: Tombstone[] } {
    const inWindow = (v: number) => v > after && v <= upTo;
    const rows = [...this.table(table.set).values()].filter((r) => inWindow(r.versionnumber)).sort((a, b) => a.versionnumber - b.versionnumber);
    const deleted = (this.graves.get(table.set) ?? []).filter((g) => inWindow(g.versionnumber));
    return { rows, deleted };
  }

  liveIds(table: Table): string[] {
    return [...this.table(table.set).keys()];
  }
}
