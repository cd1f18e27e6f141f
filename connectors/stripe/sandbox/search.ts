/**
 * Customer search: query fields `created`, `email`, `metadata`, `name`, `phone`
 * (docs.stripe.com/search#query-fields-for-customers), string matches case-insensitive, results
 * newest first in `{ object: 'search_result', data, has_more, next_page, url }` pages.
 */
import { invalidRequest } from './errors.js';
import type { Params } from './form.js';
import { parseLimit } from './list.js';
import type { Customer } from './objects/customer.js';
import type { OrderedView } from './ordered.js';
import { parseSearchQuery, type Clause } from './search-query.js';

const FIELDS = ['created', 'email', 'metadata', 'name', 'phone'];

function matches(customer: Customer, clause: Clause): boolean {
  const raw = clause.field === 'metadata' ? customer.metadata[clause.key ?? ''] : customer[clause.field];
  if (clause.value === null) return raw === null || raw === undefined;
  if (raw === null || raw === undefined) return false;
  if (clause.op === ':' && typeof raw === 'number') return raw === Number(clause.value);
  if (clause.op === ':') return String(raw).toLowerCase() === clause.value.toLowerCase();
  if (clause.op === '~') return String(raw).toLowerCase().includes(clause.value.toLowerCase());
  const n = Number(clause.value);
  const v = Number(raw);
  return clause.op === '>' ? v > n : clause.op === '<' ? v < n : clause.op === '>=' ? v >= n : v <= n;
}

function check(clause: Clause): void {
  if (!FIELDS.includes(clause.field)) {
    throw invalidRequest(`Field \`${clause.field}\` is an unsupported search field for resource \`customers\`. See http://stripe.com/docs/search#query-fields-for-customers for a list of supported fields.`, { param: 'query' });
  }
  if (clause.op === '~' && (clause.value?.length ?? 0) < 3) throw invalidRequest('Substring queries (~) need at least 3 characters.', { param: 'query' });
  if (['>', '<', '>=', '<='].includes(clause.op) && (clause.field !== 'created' || !/^\d+$/.test(clause.value ?? ''))) {
    throw invalidRequest(`Numeric comparison is not supported for field \`${clause.field}\` with value ${String(clause.value)}.`, { param: 'query' });
  }
  if (clause.field !== 'created' && clause.op === ':' && !clause.quoted && clause.value !== null) {
    throw invalidRequest(`String values must be quoted in search queries: ${clause.field}:"${clause.value}"`, { param: 'query' });
  }
}

/** The page token is opaque to clients; here it carries the offset into the result set. */
const encodePage = (offset: number) => Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');

function decodePage(token: string): number {
  try {
    const offset = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown }).offset;
    if (typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0) return offset;
  } catch { /* answered below */ }
  throw invalidRequest(`Invalid page: ${token}`, { param: 'page' });
}

export function searchCustomers(view: OrderedView<Customer>, params: Params): Record<string, unknown> {
  const query = parseSearchQuery(typeof params.query === 'string' ? params.query : undefined);
  query.clauses.forEach(check);
  const limit = parseLimit(params);
  const offset = typeof params.page === 'string' && params.page ? decodePage(params.page) : 0;
  const test = (c: Customer) => {
    const results = query.clauses.map((clause) => matches(c, clause) !== clause.negate);
    return query.join === 'AND' ? results.every(Boolean) : results.some(Boolean);
  };
  const data: Customer[] = [];
  let seen = 0;
  let hasMore = false;
  for (let i = 0; i < view.length; i++) {
    const customer = view.at(i);
    if (!customer || !test(customer)) continue;
    if (seen++ < offset) continue;
    if (data.length === limit) { hasMore = true; break; }
    data.push(customer);
  }
  const expand = params.expand;
  const result: Record<string, unknown> = { object: 'search_result', data, has_more: hasMore, next_page: hasMore ? encodePage(offset + data.length) : null, url: '/v1/customers/search' };
  if (Array.isArray(expand) && expand.includes('total_count')) {
    let total = 0;
    for (let i = 0; i < view.length; i++) { const c = view.at(i); if (c && test(c)) total++; }
    result.total_count = total;
  }
  return result;
}
