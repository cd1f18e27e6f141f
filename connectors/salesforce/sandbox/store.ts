/**
 * The org's records: one toolkit Collection per sObject type. A delete moves a record to the
 * Recycle Bin (IsDeleted = true, SystemModstamp moved on): `query` and reads by id no longer see
 * it, `queryAll` does. Deleting an account takes its contacts and their tasks with it, as the
 * standard cascade does. Times are kept to the second, as Salesforce stores them.
 */
import { Collection, type Clock, type Entry } from '../../../src/sandbox/index.js';
import { deriveTask, second, sfDatetime } from './derived.js';
import type { RecordProblem } from './errors.js';
import { KEY_PREFIX, salesforceIds, to18 } from './ids.js';
import { fieldOf, SCHEMAS, SOBJECT_TYPES, type FieldSpec, type SObjectType } from './schema.js';
import { problemsIn, type Resolver } from './validate.js';

/** Field values by Salesforce name; dateTimes as epoch milliseconds. */
export type Row = Record<string, unknown>;
export type SfEntry = Entry<Row>;
export type WriteResult = { ok: true; entry: SfEntry } | { ok: false; problems: RecordProblem[] };

export { sfDatetime } from './derived.js';

export class SalesforceStore {
  readonly collections: Record<SObjectType, Collection<Row>>;

  constructor(readonly clock: Clock, readonly userId: string) {
    this.collections = Object.fromEntries(SOBJECT_TYPES.map((t) => [t, new Collection<Row>({ clock, ids: salesforceIds(KEY_PREFIX[t]) })])) as Record<SObjectType, Collection<Row>>;
  }

  typeOf(id: string): SObjectType | undefined {
    return SOBJECT_TYPES.find((t) => id.startsWith(KEY_PREFIX[t]));
  }

  /** Any record by id (15 or 18 characters), in the Recycle Bin or not. */
  find(id: string): { type: SObjectType; entry: SfEntry } | undefined {
    const full = to18(id);
    const type = full ? this.typeOf(full) : undefined;
    const entry = type ? this.collections[type].get(full!) : undefined;
    return type && entry ? { type, entry } : undefined;
  }

  readonly resolve: Resolver = (id) => {
    const found = this.find(id);
    return found ? (found.entry.archived ? 'deleted' : 'live') : undefined;
  };

  liveIds(type: SObjectType): string[] {
    return this.collections[type].list().map((e) => e.id);
  }

  create(type: SObjectType, values: Row, options: { at?: number } = {}): WriteResult {
    const problems = problemsIn(type, values, 'create', this.resolve);
    if (problems.length > 0) return { ok: false, problems };
    const at = second(options.at ?? this.clock.now());
    const defaults = Object.fromEntries(SCHEMAS[type].filter((f) => f.defaultValue !== undefined).map((f) => [f.name, f.defaultValue]));
    const row = this.derive(type, { OwnerId: this.userId, ...defaults, ...values, LastModifiedDate: at });
    return { ok: true, entry: this.collections[type].insert(row, { at }) };
  }

  update(type: SObjectType, id: string, values: Row): WriteResult {
    const current = this.collections[type].get(id);
    if (!current) return { ok: false, problems: [{ statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] }] };
    if (current.archived) return { ok: false, problems: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }] };
    const problems = problemsIn(type, values, 'update', this.resolve);
    if (problems.length > 0) return { ok: false, problems };
    const entry = this.collections[type].update(id, (row) => this.derive(type, { ...row, ...values, LastModifiedDate: second(this.clock.now()) }, row))!;
    return { ok: true, entry };
  }

  /** To the Recycle Bin, with the standard cascade; a record already there is ENTITY_IS_DELETED. */
  delete(type: SObjectType, id: string): RecordProblem | undefined {
    const current = this.collections[type].get(id);
    if (!current) return { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] };
    if (current.archived) return { statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] };
    this.collections[type].archive(id);
    if (type === 'Account') for (const c of this.collections.Contact.list({ filter: (e) => e.data.AccountId === id })) this.delete('Contact', c.id);
    const link = type === 'Account' ? 'WhatId' : type === 'Contact' ? 'WhoId' : undefined;
    if (link) for (const t of this.collections.Task.list({ filter: (e) => e.data[link] === id })) this.delete('Task', t.id);
    return undefined;
  }

  /** A field's value as SOQL compares it: dateTimes in epoch ms, ids in their 18-character form. */
  value(type: SObjectType, entry: SfEntry, spec: FieldSpec): unknown {
    switch (spec.name) {
      case 'Id': return entry.id;
      case 'IsDeleted': return entry.archived;
      case 'CreatedDate': return second(entry.createdAt);
      case 'SystemModstamp': return second(entry.updatedAt);
      case 'CreatedById': case 'LastModifiedById': return this.userId;
      default: return entry.data[spec.name] ?? null;
    }
  }

  /** A record as the REST API renders it: `attributes` first, then the fields asked for. */
  render(type: SObjectType, entry: SfEntry, fields: readonly FieldSpec[], version: string): Record<string, unknown> {
    const out: Record<string, unknown> = { attributes: { type, url: `/services/data/${version}/sobjects/${type}/${entry.id}` } };
    for (const spec of fields) {
      const value = this.value(type, entry, spec);
      out[spec.name] = spec.type === 'datetime' && typeof value === 'number' ? sfDatetime(value) : value;
    }
    return out;
  }

  allFields(type: SObjectType): FieldSpec[] {
    return SCHEMAS[type];
  }

  field(type: SObjectType, name: string): FieldSpec | undefined {
    return fieldOf(type, name);
  }

  /** Computed Task fields: the account it rolls up to, and when it was closed. */
  private derive(type: SObjectType, row: Row, before?: Row): Row {
    return type === 'Task' ? deriveTask(row, before, (id) => this.collections.Contact.get(id)?.data.AccountId, this.clock) : row;
  }
}
