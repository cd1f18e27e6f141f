/**
 * Values between the platform and Dataverse. A write leaves out what Dataverse computes, sends
 * numeric text as numbers (Dataverse refuses "42" for a whole number), and turns a lookup read
 * as `_parentcustomerid_value` into its navigation property with `@odata.bind`
 * (learn.microsoft.com …/webapi/associate-disassociate-entities-using-web-api): a GUID points
 * at the lookup's usual table, `contacts(<guid>)` at another. Verify compares after
 * Dataverse's own normalisation: emails case-blind, GUIDs lower-case, times to the second.
 */
import type { DataverseEntity, WriteLookup } from '../entities.js';
import { GUID, isGuid } from '../odata.js';

const NUMBER = /^-?\d+(\.\d+)?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** `<guid>` or `accounts(<guid>)` → the navigation property and the record it binds. */
function bind(lookup: WriteLookup, value: unknown): [string, string] | undefined {
  const text = String(value).trim();
  if (isGuid(text)) return [lookup.navigation, `/${lookup.set}(${text.toLowerCase()})`];
  const match = /^\/?(\w+)\(([0-9a-f-]{36})\)$/i.exec(text);
  if (!match || !GUID.test(match[2]!)) return undefined;
  const navigation = match[1] === lookup.set ? lookup.navigation : lookup.alternatives?.[match[1]!];
  return navigation ? [navigation, `/${match[1]}(${match[2]!.toLowerCase()})`] : undefined;
}

export function toWritable(entity: DataverseEntity, fields: Record<string, unknown>, mode: 'create' | 'update'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || entity.readOnly.includes(name) || name.includes('@')) continue;
    const empty = value === null || value === '';
    const lookup = entity.writeLookups[name];
    if (lookup) {
      if (empty) {
        if (mode === 'update') out[`${lookup.navigation}@odata.bind`] = null;
        continue;
      }
      const bound = bind(lookup, value);
      // Not a reference Dataverse can bind: sent as is, so its refusal names the column.
      if (bound) out[`${bound[0]}@odata.bind`] = bound[1];
      else out[name] = value;
      continue;
    }
    if (empty) {
      if (mode === 'update') out[name] = null;
      continue;
    }
    if (entity.numeric.includes(name) && typeof value === 'string' && NUMBER.test(value.trim())) out[name] = Number(value);
    else out[name] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/** Dataverse's normalisation of a written value, applied to both sides before verify compares. */
export function normalise(field: string, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') {
    const text = value.trim();
    if (field.startsWith('emailaddress')) return text.toLowerCase();
    if (/^_\w+_value$/.test(field)) return (/([0-9a-f-]{36})\)?$/i.exec(text)?.[1] ?? text).toLowerCase();
    if (DATETIME.test(text) && !Number.isNaN(Date.parse(text))) return new Date(Math.floor(Date.parse(text) / 1000) * 1000).toISOString();
    return text;
  }
  return value;
}
