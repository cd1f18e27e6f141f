/**
 * The sandbox's CRM: one toolkit Collection per object type. Archive is HubSpot's delete (the
 * record stays, restorable for 90 days, hidden unless `archived=true`). Contacts are unique by
 * email among live records; companies are NOT unique by domain through the API (HubSpot only
 * de-duplicates companies created in its UI), so two companies may share a domain.
 */
import { Collection, sequentialIds, type Clock, type Entry } from '../../../src/sandbox/index.js';
import type { PropertyProblem } from './errors.js';
import { OBJECT_TYPES, SPECS, type ObjectType } from './objects.js';
import { acceptedInput, applyValues, problemsIn, storedValues } from './validate.js';

export interface StoredObject {
  properties: Record<string, string>;
  /** Notes only: the contacts and companies the note is attached to. */
  associations: Partial<Record<'contacts' | 'companies', string[]>>;
}

export type StoredEntry = Entry<StoredObject>;

export type WriteResult =
  | { ok: true; entry: StoredEntry }
  | { ok: false; kind: 'invalid'; problems: PropertyProblem[] }
  | { ok: false; kind: 'conflict'; existingId: string }
  | { ok: false; kind: 'missing' };

export type WriteRefusal = Exclude<WriteResult, { ok: true }>;

// Distinct ranges per type make ids in logs and fixtures easy to tell apart; HubSpot's are numeric.
const FIRST_ID: Record<ObjectType, number> = { contacts: 1001, companies: 2_000_001, notes: 30_000_001 };

export class HubspotStore {
  readonly collections: Record<ObjectType, Collection<StoredObject>>;

  constructor(readonly clock: Clock) {
    const make = (type: ObjectType) => new Collection<StoredObject>({ clock, ids: sequentialIds({ start: FIRST_ID[type] }) });
    this.collections = Object.fromEntries(OBJECT_TYPES.map((t) => [t, make(t)])) as Record<ObjectType, Collection<StoredObject>>;
  }

  /** A record visible to default reads: present and not archived. */
  live(type: ObjectType, id: string): StoredEntry | undefined {
    const entry = this.collections[type].get(id);
    return entry && !entry.archived ? entry : undefined;
  }

  liveIds(type: ObjectType): string[] {
    return this.collections[type].list().map((e) => e.id);
  }

  contactByEmail(email: string): StoredEntry | undefined {
    const wanted = email.trim().toLowerCase();
    return this.collections.contacts.find((e) => e.data.properties.email === wanted);
  }

  /** Why HubSpot would refuse this write, if it would; `id` for updates. */
  check(type: ObjectType, input: Record<string, unknown>, id?: string): WriteRefusal | undefined {
    if (id !== undefined && !this.live(type, id)) return { ok: false, kind: 'missing' };
    const problems = problemsIn(SPECS[type], input);
    if (problems.length > 0) return { ok: false, kind: 'invalid', problems };
    const clash = this.emailClash(type, storedValues(input), id);
    return clash ? { ok: false, kind: 'conflict', existingId: clash } : undefined;
  }

  create(type: ObjectType, input: Record<string, unknown>, options: { at?: number; associations?: StoredObject['associations'] } = {}): WriteResult {
    const refusal = this.check(type, input);
    if (refusal) return refusal;
    const data = { properties: applyValues({}, storedValues(acceptedInput(SPECS[type], input))), associations: options.associations ?? {} };
    return { ok: true, entry: this.collections[type].insert(data, { at: options.at }) };
  }

  update(type: ObjectType, id: string, input: Record<string, unknown>): WriteResult {
    const refusal = this.check(type, input, id);
    if (refusal) return refusal;
    const values = storedValues(acceptedInput(SPECS[type], input));
    const entry = this.collections[type].update(id, (data) => ({ ...data, properties: applyValues(data.properties, values) }))!;
    return { ok: true, entry };
  }

  /** Archives; unknown and already archived ids are ignored, as HubSpot's 204 ignores them. */
  archive(type: ObjectType, id: string): void {
    this.collections[type].archive(id);
  }

  private emailClash(type: ObjectType, values: Record<string, string>, selfId?: string): string | undefined {
    if (type !== 'contacts' || !values.email) return undefined;
    const other = this.contactByEmail(values.email);
    return other && other.id !== selfId ? other.id : undefined;
  }
}
