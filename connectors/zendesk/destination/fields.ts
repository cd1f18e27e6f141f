/**
 * Values between the platform and Zendesk: what a write sends (read-only attributes left out,
 * `name` composed from `_derived` parts, lists from comma-separated text, numeric ids as
 * numbers, `null` to clear on update) and Zendesk's normalisation before verify compares
 * (emails and tags lower-cased, lists compared as sets).
 */
import { joinName } from '../names.js';
import type { WritableObject } from './objects.js';

const NUMERIC = new Set(['organization_id', 'group_id', 'custom_role_id', 'default_group_id']);

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return String(value).split(/[\s,]+/).filter(Boolean);
}

export function toWritable(object: WritableObject, fields: Record<string, unknown>, mode: 'create' | 'update'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || object.readOnly.includes(name)) continue;
    if (value === null || value === '') {
      // Zendesk clears an attribute given null; a create simply leaves it out.
      if (mode === 'update') out[name] = object.lists.includes(name) ? [] : null;
      continue;
    }
    if (object.lists.includes(name)) out[name] = asList(value);
    else if (NUMERIC.has(name) && /^\d+$/.test(String(value))) out[name] = Number(value);
    else out[name] = value instanceof Date ? value.toISOString() : value;
  }
  if (object.singular === 'user' && out.name === undefined && fields._derived !== undefined) {
    const composed = joinName(fields._derived);
    if (composed) out.name = composed;
  }
  return out;
}

/** Zendesk's normalisation of a written value, applied to both sides before verify compares. */
export function normalise(field: string, value: unknown): unknown {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  if (field === 'email' && typeof value === 'string') return value.trim().toLowerCase();
  if (field === 'tags' || field === 'domain_names') return asList(value).map((v) => v.toLowerCase()).sort().join(' ');
  if (NUMERIC.has(field)) return String(value);
  return value;
}
