/**
 * Zendesk's two ways of paging a list endpoint (developer.zendesk.com/documentation/api-basics/
 * pagination/paginating-through-lists-using-cursor-pagination): cursor pagination when the
 * request names `page[size]` (at most 100; `page[after]`; answered with `meta: { has_more,
 * after_cursor, before_cursor }` and `links: { next, prev }`), offset pagination otherwise
 * (`page`, `per_page`; `next_page`, `previous_page`, `count`). Clients such as node-zendesk ask
 * for `page[size]=100` and follow `links.next` until it is null.
 */
import { encodeCursor, pageByCursorToken, pageByPageNumber, SandboxHttpError, type Entry, type PagingProblem, type SandboxRequest } from '../../../../src/sandbox/index.js';
import { invalidParameter } from '../errors.js';

export const MAX_PAGE_SIZE = 100;

/** Zendesk's 400 for a bad page size or a cursor naming nothing, thrown through the pagers. */
function reject(problem: PagingProblem): Error {
  const answer = invalidParameter(problem.kind === 'invalid_cursor' ? 'page[after]' : 'page[size]', problem.message);
  return new SandboxHttpError(answer.status, answer.body, answer.headers);
}

/** One page of `list` (already filtered and ordered) under `key`, in the envelope the request asked for. */
export function pagedList<T>(req: SandboxRequest, key: string, list: readonly Entry<T>[], render: (e: Entry<T>) => unknown) {
  const base = `${req.baseUrl}${req.path}`;
  const size = req.query['page[size]'];
  if (size !== undefined) {
    const { items, next } = pageByCursorToken(list, { key: (e) => e.id, after: req.query['page[after]'], limit: size, maxLimit: MAX_PAGE_SIZE, overMax: 'error', reject });
    const last = items.at(-1);
    return {
      status: 200,
      body: {
        [key]: items.map(render),
        meta: { has_more: next !== undefined, after_cursor: last ? encodeCursor(last.id) : null, before_cursor: items[0] ? encodeCursor(items[0].id) : null },
        links: { next: next ? `${base}?page%5Bsize%5D=${size}&page%5Bafter%5D=${next}` : null, prev: null },
      },
    };
  }
  const { items, next, total } = pageByPageNumber(list, { page: req.query.page, perPage: req.query.per_page, maxLimit: MAX_PAGE_SIZE, reject });
  return { status: 200, body: { [key]: items.map(render), next_page: next ? `${base}?page=${next}` : null, previous_page: null, count: total } };
}
