/**
 * A stored record as HubSpot's v3 API shows it (`SimplePublicObject`): `id`, `properties` (all
 * strings; a requested property without a value comes back as null), `createdAt`/`updatedAt` as
 * ISO strings with milliseconds, `archived`, `archivedAt` once archived, and, when asked for,
 * `associations: { contacts: { results: [{ id, type: 'note_to_contact' }] } }`.
 */
import { NOTE_ASSOCIATION_TYPES, SPECS, type ObjectSpec, type ObjectType } from './objects.js';
import type { StoredEntry } from './store.js';

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Stored properties plus the ones HubSpot computes. */
export function allProperties(spec: ObjectSpec, entry: StoredEntry): Record<string, string> {
  return { ...entry.data.properties, [spec.created]: iso(entry.createdAt), [spec.modified]: iso(entry.updatedAt), hs_object_id: entry.id };
}

/**
 * `properties=a,b&properties=c` in any mix: HubSpot takes comma lists and repeated keys (the
 * official SDK repeats the key), so both must work.
 */
export function propertyNames(values: Array<string | undefined>): string[] | undefined {
  const names = values.flatMap((v) => (v ?? '').split(',')).map((n) => n.trim()).filter(Boolean);
  return names.length > 0 ? [...new Set(names)] : undefined;
}

export interface RenderOptions {
  /** Requested properties; the object's defaults when absent. */
  properties?: string[];
  /** Object types whose associated ids to include (`associations=contacts,companies`). */
  associations?: string[];
}

export function render(type: ObjectType, entry: StoredEntry, options: RenderOptions = {}): Record<string, unknown> {
  const spec = SPECS[type];
  const all = allProperties(spec, entry);
  // Named properties come with the three HubSpot always includes.
  const names = options.properties ? [...new Set([...options.properties, spec.created, spec.modified, 'hs_object_id'])] : spec.defaults;
  const properties = Object.fromEntries(names.map((n) => [n, all[n] ?? null]));
  const object: Record<string, unknown> = {
    id: entry.id, properties, createdAt: iso(entry.createdAt), updatedAt: iso(entry.updatedAt), archived: entry.archived,
  };
  if (entry.archivedAt !== undefined) object.archivedAt = iso(entry.archivedAt);
  const associations = associationsOf(type, entry, options.associations ?? []);
  if (associations) object.associations = associations;
  return object;
}

function associationsOf(type: ObjectType, entry: StoredEntry, wanted: string[]): Record<string, unknown> | undefined {
  if (type !== 'notes') return undefined;
  const out: Record<string, unknown> = {};
  for (const to of ['contacts', 'companies'] as const) {
    const ids = entry.data.associations[to] ?? [];
    if (!wanted.includes(to) || ids.length === 0) continue;
    out[to] = { results: ids.map((id) => ({ id, type: NOTE_ASSOCIATION_TYPES[to].label })) };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
