/**
 * Collection paging as NetSuite does it (docs.oracle.com … section_156414087576): `limit` (1 to
 * 1,000, default 1,000) and `offset` query parameters; an answer of `{ links, count, hasMore,
 * items, offset, totalResults }` with `next`, `last` and `self` links. Without SuiteAnalytics
 * Connect no more than 100,000 results can be paged through, so an offset past that is refused.
 */
import type { SandboxRequest, SandboxResponse } from '../../../src/sandbox/index.js';
import { badParameter, fail } from './errors.js';
import { originOf } from './render.js';

export const MAX_LIMIT = 1000;
export const MAX_RESULTS = 100_000;

function intParam(req: SandboxRequest, name: string, fallback: number, min: number, max: number): number {
  const raw = req.query[name];
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) fail(badParameter(name, `Invalid query parameter value. The '${name}' parameter must be an integer between ${min} and ${max}.`));
  return value;
}

/** One page of `all`; only the rows on the page are rendered. */
export function collectionPage<T>(req: SandboxRequest, all: readonly T[], render: (item: T) => Record<string, unknown>): SandboxResponse {
  const limit = intParam(req, 'limit', MAX_LIMIT, 1, MAX_LIMIT);
  const offset = intParam(req, 'offset', 0, 0, MAX_RESULTS - 1);
  const total = Math.min(all.length, MAX_RESULTS);
  const items = all.slice(offset, Math.min(offset + limit, total)).map(render);
  const hasMore = offset + items.length < total;
  const href = (at: number) => `${originOf(req)}${req.path}?limit=${limit}&offset=${at}`;
  const links = [
    ...(hasMore ? [{ rel: 'next', href: href(offset + limit) }] : []),
    { rel: 'last', href: href(Math.max(0, Math.floor((total - 1) / limit) * limit)) },
    { rel: 'self', href: href(offset) },
  ];
  return { status: 200, body: { links, count: items.length, hasMore, items, offset, totalResults: total } };
}
