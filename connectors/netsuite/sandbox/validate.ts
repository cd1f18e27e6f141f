/**
 * What the record API accepts in a POST, PATCH or PUT body: field ids case-blind, references as
 * `{ "id": "…" }` to records that exist, emails and web addresses that look like them, dates as
 * YYYY-MM-DD, and the mandatory fields of a create (NetSuite names those by UI label). Read-only
 * fields (`id`, `links`, `refName`, the dates NetSuite stamps) are ignored, as NetSuite ignores them.
 */
import { invalidField, missingValues, type ErrorDetail } from './errors.js';
import { fieldOf, SCHEMAS, type FieldSpec, type RecordType } from './schema.js';

export type Stored = Record<string, string | number | boolean | null>;

export interface CheckContext {
  exists(refType: NonNullable<FieldSpec['refType']>, id: string): boolean;
  taken(field: string, value: string): boolean;
}

export type Checked = { ok: true; data: Stored } | { ok: false; details: ErrorDetail[] };

const IGNORED = new Set(['id', 'links', 'refname', 'datecreated', 'createddate', 'lastmodifieddate']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function coerce(spec: FieldSpec, raw: unknown, check: CheckContext): { value: Stored[string] } | { error: ErrorDetail } {
  if (raw === null || raw === '') return { value: spec.type === 'bool' ? false : null };
  const bad = () => ({ error: invalidField(spec.rest, typeof raw === 'object' ? JSON.stringify(raw) : raw) });
  switch (spec.type) {
    case 'ref': {
      const id = raw && typeof raw === 'object' && 'id' in raw ? String((raw as { id: unknown }).id) : undefined;
      return id !== undefined && /^\d+$/.test(id) && check.exists(spec.refType!, id) ? { value: Number(id) } : bad();
    }
    case 'bool':
      if (typeof raw === 'boolean') return { value: raw };
      return raw === 'T' || raw === 'F' ? { value: raw === 'T' } : bad();
    case 'select': {
      const id = raw && typeof raw === 'object' && 'id' in raw ? String((raw as { id: unknown }).id) : String(raw);
      return spec.options!.includes(id.toUpperCase()) ? { value: id.toUpperCase() } : bad();
    }
    case 'date':
      return typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) ? { value: Date.parse(`${raw}T00:00:00Z`) } : bad();
    case 'email':
      return typeof raw === 'string' && EMAIL.test(raw.trim()) && raw.length <= 254 ? { value: raw.trim() } : bad();
    case 'url':
      return typeof raw === 'string' && /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(raw.trim()) ? { value: raw.trim() } : bad();
    default:
      return typeof raw === 'string' || typeof raw === 'number' ? { value: String(raw) } : bad();
  }
}

function missing(type: RecordType, data: Stored): string[] {
  const empty = (field: string) => data[field] === null || data[field] === undefined || data[field] === '';
  if (type === 'phonecall') return empty('title') ? ['Subject'] : [];
  if (type === 'contact') return empty('entityId') && empty('firstName') && empty('lastName') ? ['Contact'] : [];
  const labels: string[] = [];
  if (data.isPerson === true) {
    if (empty('firstName')) labels.push('First Name');
    if (empty('lastName')) labels.push('Last Name');
  } else if (empty('companyName')) labels.push('Company Name');
  // A OneWorld account: every customer belongs to a subsidiary.
  if (empty('subsidiary')) labels.push('Subsidiary');
  return labels;
}

export function checkRecord(type: RecordType, body: unknown, current: Stored | undefined, check: CheckContext): Checked {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, details: [invalidField('(body)', 'a JSON object was expected')] };
  const data: Stored = { ...current };
  const details: ErrorDetail[] = [];
  for (const [name, raw] of Object.entries(body as Record<string, unknown>)) {
    if (IGNORED.has(name.toLowerCase())) continue;
    const spec = fieldOf(type, name);
    if (!spec) {
      details.push({ detail: `Error while accessing resource: Invalid field name ${name} for record ${type}.`, 'o:errorCode': 'INVALID_CONTENT', 'o:errorPath': name });
      continue;
    }
    const result = coerce(spec, raw, check);
    if ('error' in result) details.push(result.error);
    else data[spec.rest] = result.value;
  }
  if (details.length > 0) return { ok: false, details };
  // Check boxes are never empty in NetSuite: a new record's are off unless set.
  if (!current) for (const spec of SCHEMAS[type]) if (spec.type === 'bool' && (data[spec.rest] === undefined || data[spec.rest] === null)) data[spec.rest] = false;
  const labels = missing(type, data);
  if (labels.length > 0) return { ok: false, details: [missingValues(labels)] };
  for (const field of ['externalId', 'entityId']) {
    const value = data[field];
    const spec = fieldOf(type, field);
    if (spec?.unique && typeof value === 'string' && value !== current?.[field] && check.taken(field, value)) {
      return { ok: false, details: [{ detail: `Error while accessing resource: A ${type} record with this ${spec.label} (${value}) already exists.`, 'o:errorCode': 'USER_ERROR' }] };
    }
  }
  return { ok: true, data };
}
