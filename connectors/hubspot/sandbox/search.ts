/**
 * `POST /crm/v3/objects/{type}/search` (developers.hubspot.com/docs/api-reference/search/guide):
 * archived records never appear; `limit` defaults to 10 and may not exceed 200; one sort rule;
 * `after` is an offset ("must be formatted as an integer") answered back in `paging.next.after`;
 * and no query pages past 10,000 results: an `after` at or beyond it is a 400.
 */
import type { SandboxRequest } from '../../../src/sandbox/index.js';
import { badRequest } from './errors.js';
import { compare, filterGroupsOf, matches } from './filters.js';
import { objectSpec, record, stringList, type RouteContext } from './input.js';
import { allProperties, render } from './render.js';
import type { StoredEntry } from './store.js';

export const SEARCH_CAP = 10_000;

interface Sort {
  propertyName: string;
  descending: boolean;
}

/**
 * `[{ propertyName, direction }]` as documented; the official SDK types `sorts` as strings, so
 * `"createdate"` and `"-createdate"` (descending) are taken too.
 */
function sortOf(body: Record<string, unknown>): Sort | undefined {
  const first: unknown = Array.isArray(body.sorts) ? body.sorts[0] : undefined;
  if (typeof first === 'string') return first.startsWith('-') ? { propertyName: first.slice(1), descending: true } : { propertyName: first, descending: false };
  const rule = record(first);
  if (typeof rule.propertyName !== 'string') return undefined;
  return { propertyName: rule.propertyName, descending: rule.direction === 'DESCENDING' };
}

function searchLimit(raw: unknown): number {
  if (raw === undefined || raw === null) return 10;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1) throw badRequest('limit must be a positive integer');
  if (limit > 200) throw badRequest('limit must be less than or equal to 200');
  return limit;
}

function offsetOf(raw: unknown, cap: number): number {
  if (raw === undefined || raw === null || raw === '') return 0;
  const after = Number(raw);
  if (!Number.isInteger(after) || after < 0) throw badRequest(`after must be formatted as an integer: ${String(raw)}`);
  if (after >= cap) throw badRequest(`The search endpoints are limited to ${cap} total results for any given query; after=${after} pages beyond it`);
  return after;
}

export function registerSearchRoute(ctx: RouteContext, cap = SEARCH_CAP): void {
  ctx.server.route('POST', '/crm/v3/objects/:objectType/search', (req: SandboxRequest) => {
    const spec = objectSpec(req);
    const body = record(req.body);
    const groups = filterGroupsOf(body);
    const limit = searchLimit(body.limit);
    const after = offsetOf(body.after, cap);
    const query = typeof body.query === 'string' ? body.query.trim().toLowerCase() : '';
    if (query.length > 3000) throw badRequest('A query can contain a maximum of 3000 characters');
    const propsOf = (e: StoredEntry) => allProperties(spec, e);
    let hits = ctx.store.collections[spec.type].list().filter((e) => {
      const props = propsOf(e);
      if (query && !spec.searchable.some((p) => (props[p] ?? '').toLowerCase().includes(query))) return false;
      return groups.length === 0 || groups.some((group) => group.every((f) => matches(props, f)));
    });
    const sort = sortOf(body);
    if (sort) {
      const value = (e: StoredEntry) => propsOf(e)[sort.propertyName];
      hits = [...hits].sort((a, b) => {
        const [va, vb] = [value(a), value(b)];
        // Records without the property sort last; ties keep id order, so pages are stable.
        const byValue = va === undefined ? (vb === undefined ? 0 : 1) : vb === undefined ? -1 : compare(sort.propertyName, va, vb) * (sort.descending ? -1 : 1);
        return byValue || Number(a.id) - Number(b.id);
      });
    }
    const end = Math.min(after + limit, hits.length, cap);
    const page = hits.slice(after, end);
    const properties = stringList(body.properties);
    const answer: Record<string, unknown> = { total: hits.length, results: page.map((e) => render(spec.type, e, { properties })) };
    if (end < hits.length) answer.paging = { next: { after: String(end) } };
    return { status: 200, body: answer };
  });
}
