/**
 * Values between the platform and HubSpot's `properties`: HubSpot takes and gives strings only,
 * clears a property with an empty string, joins multi-select values with `;`, lower-cases
 * emails, and answers datetimes as ISO with milliseconds. Records handed back to the platform
 * are flat (`{ id, email, firstname, … }`), the same field names a load writes.
 */
import { DATETIME_PROPERTIES, READ_ONLY_PROPERTIES } from './objects.js';
import type { HubspotRecord } from './schemas.js';

function text(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(String).join(';');
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/**
 * A load's fields as HubSpot properties. Creates leave empty values out; updates send `''`,
 * HubSpot's way to clear a property (a rollback restoring an empty field needs it).
 */
export function toProperties(fields: Record<string, unknown>, mode: 'create' | 'update'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'id' || value === undefined) continue;
    if (value === null || value === '') {
      if (mode === 'update') out[name] = '';
      continue;
    }
    out[name] = text(value);
  }
  return out;
}

/** A snapshot re-created after a delete: HubSpot computes the read-only properties itself. */
export function writableOf(snapshot: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(snapshot).filter(([name]) => !READ_ONLY_PROPERTIES.includes(name)));
}

export function flatten(record: HubspotRecord): Record<string, unknown> {
  return { id: record.id, ...record.properties };
}

/** HubSpot's normalisation of a written value, applied to both sides before verify compares. */
export function normalise(field: string, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
  if (field === 'email' && typeof value === 'string') return value.trim().toLowerCase();
  if (DATETIME_PROPERTIES.has(field)) {
    const ms = value instanceof Date ? value.getTime() : /^\d+$/.test(String(value)) ? Number(value) : Date.parse(String(value));
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  return text(value);
}
