/**
 * Values between the platform and the record API. Writes leave out what NetSuite sets itself,
 * send references as `{ "id": "…" }` (a load's `company: "1234"` included), clear a field with
 * null on update, and give a new customer the connection's default subsidiary when the load names
 * none (a OneWorld account refuses a customer without one). Reads are flattened for diff and
 * verify: references and list values become their ids, `links` goes.
 */
import type { NsObject } from '../objects.js';

export const RECORD_PATH = '/services/rest/record/v1';

function reference(value: unknown): { id: string } {
  if (value && typeof value === 'object' && 'id' in value) return { id: String((value as { id: unknown }).id) };
  return { id: String(value) };
}

export function writable(object: NsObject, fields: Record<string, unknown>, mode: 'create' | 'update', config: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || object.readOnly.includes(name)) continue;
    if (value === null || value === '') {
      if (mode === 'update') out[name] = null;
      continue;
    }
    if (object.references.includes(name)) out[name] = reference(value);
    // A canonical account carries a bare domain; NetSuite's Web Address wants a URL.
    else if (name === 'url' && typeof value === 'string' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) out[name] = `https://${value.trim()}`;
    else out[name] = value instanceof Date ? value.toISOString() : value;
  }
  const subsidiary = typeof config.subsidiaryId === 'string' ? config.subsidiaryId.trim() : '';
  if (mode === 'create' && object.type === 'customer' && out.subsidiary === undefined && subsidiary) out.subsidiary = { id: subsidiary };
  return out;
}

/** A fetched record, flat: `{ company: { id: "12", refName } }` → `{ company: "12" }`. */
export function flatten(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) {
    if (name === 'links') continue;
    out[name] = value && typeof value === 'object' && !Array.isArray(value) && 'id' in value ? String((value as { id: unknown }).id) : value;
  }
  return out;
}

/** NetSuite's normalisation of a written value, applied to both sides before verify compares. */
export function normalise(field: string, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'object' && !Array.isArray(value) && 'id' in value) return String((value as { id: unknown }).id);
  if (value === 'T' || value === 'F') return value === 'T';
  // NetSuite keeps an email as typed but a load matches it case-blind.
  if (field === 'email' && typeof value === 'string') return value.trim().toLowerCase();
  if (field === 'url' && typeof value === 'string') return value.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/\/+$/, '');
  return value;
}
