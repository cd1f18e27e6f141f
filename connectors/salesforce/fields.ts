/**
 * Values between the platform and Salesforce's typed JSON. A load's values may arrive as text
 * (`"42"`); numeric fields go as numbers. Creates leave empty values out; updates send `null`,
 * which is how the REST API clears a field (a rollback restoring an empty field needs it).
 * Records handed back to the platform are flat: `{ Id, Email, … }`, no `attributes`.
 */
import { DATETIME_FIELDS, type SObject } from './objects.js';

function value(object: SObject, field: string, raw: unknown): unknown {
  if (raw instanceof Date) return raw.toISOString();
  if (object.numeric.includes(field) && typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw)) return Number(raw);
  return raw;
}

/** A load's fields as a Salesforce record body: read-only and system fields left out. */
export function writable(object: SObject, fields: Record<string, unknown>, mode: 'create' | 'update'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(fields)) {
    if (name === 'attributes' || name === '_derived' || name.toLowerCase() === 'id' || object.readOnly.includes(name) || raw === undefined) continue;
    if (raw === null || raw === '') {
      if (mode === 'update') out[name] = null;
      continue;
    }
    out[name] = value(object, name, raw);
  }
  return out;
}

/** Salesforce's normalisation of a written value, applied to both sides before verify compares. */
export function normalise(field: string, raw: unknown): unknown {
  if (raw === undefined || raw === null || raw === '') return null;
  // Salesforce keeps an email as typed but matches it case-blind, as a load must.
  if (field === 'Email' && typeof raw === 'string') return raw.trim().toLowerCase();
  if (DATETIME_FIELDS.has(field)) {
    const ms = Date.parse(String(raw).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    // Kept to the second: a written `…:30.250Z` reads back as `…:30.000Z`.
    if (!Number.isNaN(ms)) return new Date(Math.floor(ms / 1000) * 1000).toISOString();
  }
  return raw;
}
