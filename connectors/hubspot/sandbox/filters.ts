/**
 * CRM search filters as HubSpot evaluates them: `filterGroups` are OR-ed, the filters inside a
 * group AND-ed; datetime properties compare as instants whether the value is epoch milliseconds
 * (the documented form, `"1579514400000"`) or ISO 8601; strings compare case-blind.
 */
import { badRequest } from './errors.js';
import { DATE_PROPERTIES } from './objects.js';
import { record } from './input.js';

export interface Filter {
  propertyName: string;
  operator: string;
  value?: unknown;
  highValue?: unknown;
  values?: unknown[];
}

/** HubSpot's documented limits: five groups, six filters in a group, eighteen in all. */
export function filterGroupsOf(body: Record<string, unknown>): Filter[][] {
  const groups = Array.isArray(body.filterGroups) ? body.filterGroups.map(record) : [];
  if (groups.length > 5) throw badRequest('Too many filter groups: a search may have at most 5 filterGroups');
  const parsed = groups.map((g) => (Array.isArray(g.filters) ? g.filters.map(record) : []) as unknown as Filter[]);
  if (parsed.some((g) => g.length > 6)) throw badRequest('Too many filters: a filter group may have at most 6 filters');
  if (parsed.flat().length > 18) throw badRequest('Too many filters: a search may have at most 18 filters in total');
  for (const f of parsed.flat()) if (typeof f.propertyName !== 'string' || typeof f.operator !== 'string') throw badRequest('Each filter needs a propertyName and an operator');
  return parsed;
}

function instant(value: string): number {
  return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
}

/** -1, 0, 1 comparing a stored value with a filter value, by the property's type. */
export function compare(property: string, stored: string, wanted: unknown): number {
  const w = String(wanted ?? '');
  let a: number | string;
  let b: number | string;
  if (DATE_PROPERTIES.has(property)) [a, b] = [instant(stored), instant(w)];
  else if (stored.trim() !== '' && w.trim() !== '' && Number.isFinite(Number(stored)) && Number.isFinite(Number(w))) [a, b] = [Number(stored), Number(w)];
  else [a, b] = [stored.toLowerCase(), w.toLowerCase()];
  return a < b ? -1 : a > b ? 1 : 0;
}

function containsToken(stored: string, token: unknown): boolean {
  const pattern = String(token ?? '').toLowerCase().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return stored.toLowerCase().split(/[\s@.,;]+/).some((word) => new RegExp(`^${pattern}$`).test(word)) || new RegExp(`^${pattern}$`).test(stored.toLowerCase());
}

export function matches(properties: Record<string, string>, filter: Filter): boolean {
  const stored = properties[filter.propertyName];
  const has = stored !== undefined && stored !== '';
  const values = (filter.values ?? []).map(String);
  switch (filter.operator) {
    case 'EQ': return has && compare(filter.propertyName, stored, filter.value) === 0;
    case 'NEQ': return !has || compare(filter.propertyName, stored, filter.value) !== 0;
    case 'LT': return has && compare(filter.propertyName, stored, filter.value) < 0;
    case 'LTE': return has && compare(filter.propertyName, stored, filter.value) <= 0;
    case 'GT': return has && compare(filter.propertyName, stored, filter.value) > 0;
    case 'GTE': return has && compare(filter.propertyName, stored, filter.value) >= 0;
    case 'BETWEEN': return has && compare(filter.propertyName, stored, filter.value) >= 0 && compare(filter.propertyName, stored, filter.highValue) <= 0;
    case 'IN': return has && values.some((v) => compare(filter.propertyName, stored, v) === 0);
    case 'NOT_IN': return !has || values.every((v) => compare(filter.propertyName, stored, v) !== 0);
    case 'HAS_PROPERTY': return has;
    case 'NOT_HAS_PROPERTY': return !has;
    case 'CONTAINS_TOKEN': return has && containsToken(stored, filter.value);
    case 'NOT_CONTAINS_TOKEN': return !has || !containsToken(stored, filter.value);
    default: throw badRequest(`Unknown filter operator: ${filter.operator}`);
  }
}
