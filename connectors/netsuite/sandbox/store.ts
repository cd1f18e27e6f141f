/**
 * The account's records on the toolkit's Collection. Entities (customers, contacts) share one
 * internal-id sequence, as NetSuite's entity table does; activities have their own. A delete is
 * for good and writes a row into the deletion log that SuiteQL reads as `DeletedRecord`.
 * `version` moves on every change so the SuiteQL tables are rebuilt only when something changed.
 */
import { Collection, sequentialIds, type Clock, type Entry } from '../../../src/sandbox/index.js';
import type { ErrorDetail } from './errors.js';
import { EMPLOYEES, SUBSIDIARIES, type FieldSpec, type RecordType } from './schema.js';
import { checkRecord, type Stored } from './validate.js';

export interface Deletion {
  type: RecordType;
  recordId: number;
  name: string;
  externalId: string | null;
  deletedAt: number;
}

export type Written = { ok: true; entry: Entry<Stored>; created: boolean } | { ok: false; details: ErrorDetail[] };

export class NetsuiteStore {
  readonly records: Record<RecordType, Collection<Stored>>;
  readonly deletions: Deletion[] = [];
  version = 0;
  private readonly ids: Record<RecordType, () => string>;

  constructor(readonly clock: Clock) {
    const entityIds = sequentialIds({ start: 1001 });
    this.ids = { contact: entityIds, customer: entityIds, phonecall: sequentialIds({ start: 5001 }) };
    this.records = { contact: new Collection({ clock }), customer: new Collection({ clock }), phonecall: new Collection({ clock }) };
  }

  get(type: RecordType, id: string): Entry<Stored> | undefined {
    return this.records[type].get(id);
  }

  byExternalId(type: RecordType, externalId: string): Entry<Stored> | undefined {
    return this.records[type].find((e) => e.data.externalId === externalId);
  }

  exists(refType: NonNullable<FieldSpec['refType']>, id: string): boolean {
    if (refType === 'subsidiary') return id in SUBSIDIARIES;
    if (refType === 'employee') return id in EMPLOYEES;
    return this.records[refType].get(id) !== undefined;
  }

  /** The name a reference shows (`refName`). */
  nameOf(refType: NonNullable<FieldSpec['refType']>, id: string): string {
    if (refType === 'subsidiary') return SUBSIDIARIES[id] ?? id;
    if (refType === 'employee') return EMPLOYEES[id] ?? id;
    const data = this.records[refType].get(id)?.data;
    return String(data?.entityId ?? data?.title ?? id);
  }

  private check(type: RecordType, body: unknown, current?: Entry<Stored>) {
    return checkRecord(type, body, current?.data, {
      exists: (refType, id) => this.exists(refType, id),
      taken: (field, value) => this.records[type].find((e) => e.id !== current?.id && e.data[field] === value) !== undefined,
    });
  }

  create(type: RecordType, body: unknown, at?: number): Written {
    const checked = this.check(type, body);
    if (!checked.ok) return checked;
    const id = this.ids[type]();
    const data = type === 'phonecall' || checked.data.entityId ? checked.data : { ...checked.data, entityId: defaultEntityId(type, id, checked.data) };
    const entry = this.records[type].insert(data, at === undefined ? { id } : { id, at });
    this.version++;
    return { ok: true, entry, created: true };
  }

  /** `undefined` when there is no such record. */
  update(type: RecordType, id: string, body: unknown): Written | undefined {
    const current = this.records[type].get(id);
    if (!current) return undefined;
    const checked = this.check(type, body, current);
    if (!checked.ok) return checked;
    this.version++;
    return { ok: true, entry: this.records[type].update(id, () => checked.data)!, created: false };
  }

  remove(type: RecordType, id: string): boolean {
    const gone = this.records[type].remove(id);
    if (!gone) return false;
    this.deletions.push({ type, recordId: Number(id), name: String(gone.data.entityId ?? gone.data.title ?? id), externalId: (gone.data.externalId as string | null) ?? null, deletedAt: this.clock.now() });
    this.version++;
    return true;
  }

  /** Edits a record as a user in the UI would (for tests): its last-modified time moves to now. */
  touch(type: RecordType, id: string, fields: Stored): Entry<Stored> | undefined {
    const entry = this.records[type].update(id, (data) => ({ ...data, ...fields }));
    if (entry) this.version++;
    return entry;
  }

  liveIds(type: RecordType): string[] {
    return this.records[type].list().map((e) => e.id);
  }
}

function defaultEntityId(type: RecordType, id: string, data: Stored): string {
  // Auto-generated numbering for customers; a contact's name is its first and last name.
  if (type === 'customer') return `CUS${id}`;
  return [data.firstName, data.lastName].filter(Boolean).join(' ') || `Contact ${id}`;
}
