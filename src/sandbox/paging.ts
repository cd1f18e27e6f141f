import { defaultReject, parseCount, resolveLimit, type LimitPolicy } from './limits.js';

/**
 * Pagers slice an already ordered list and return `{ items, next }`; each vendor wraps that in
 * its own envelope (`paging.next.after`, `has_more`, `next_page`...). A page that ends exactly
 * at the end of the list has no `next`, unless `emptyLastPage` asks for the quirk of vendors
 * that only discover the end by serving an empty page.
 */

export interface CursorPageOptions<T> extends LimitPolicy {
  /** The stable key of an item, usually its id. */
  key: (item: T) => string;
  /** The client's cursor: the previous page's `next`. */
  after?: string;
  limit?: number | string;
  /**
   * `base64url`: an opaque token of the last key (HubSpot `after` style);
   * `plain`: the key itself (Stripe `starting_after=cus_...`). @default 'base64url'
   */
  encoding?: 'base64url' | 'plain';
  /** @default false */
  emptyLastPage?: boolean;
}

export function encodeCursor(key: string, encoding: 'base64url' | 'plain' = 'base64url'): string {
  return encoding === 'plain' ? key : Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(token: string, encoding: 'base64url' | 'plain' = 'base64url'): string {
  return encoding === 'plain' ? token : Buffer.from(token, 'base64url').toString('utf8');
}

/** Items after the cursor's key. A cursor naming no item (deleted meanwhile, forged) is refused. */
export function pageByCursorToken<T>(list: readonly T[], options: CursorPageOptions<T>): { items: T[]; next: string | undefined } {
  const limit = resolveLimit(options.limit, options);
  const encoding = options.encoding ?? 'base64url';
  let start = 0;
  if (options.after !== undefined && options.after !== '') {
    const wanted = decodeCursor(options.after, encoding);
    const index = list.findIndex((item) => options.key(item) === wanted);
    if (index < 0) {
      throw (options.reject ?? defaultReject)({ kind: 'invalid_cursor', value: options.after, message: 'cursor does not name a record' });
    }
    start = index + 1;
  }
  const items = list.slice(start, start + limit);
  const last = items[items.length - 1];
  const more = start + limit < list.length || (options.emptyLastPage === true && items.length === limit);
  return { items, next: more && last !== undefined ? encodeCursor(options.key(last), encoding) : undefined };
}

export interface OffsetPageOptions extends LimitPolicy {
  offset?: number | string;
  limit?: number | string;
  /** @default false */
  emptyLastPage?: boolean;
}

/** `offset`/`limit` paging; `next` is the offset of the following page. */
export function pageByOffset<T>(list: readonly T[], options: OffsetPageOptions): { items: T[]; next: number | undefined; total: number } {
  const limit = resolveLimit(options.limit, options);
  const offset = parseCount(options.offset) ?? 0;
  if (offset === 'invalid') {
    throw (options.reject ?? defaultReject)({ kind: 'invalid_offset', value: String(options.offset), message: 'offset must be a non-negative integer' });
  }
  const items = list.slice(offset, offset + limit);
  const more = offset + limit < list.length || (options.emptyLastPage === true && items.length === limit);
  return { items, next: more ? offset + items.length : undefined, total: list.length };
}

export interface PageNumberOptions extends LimitPolicy {
  page?: number | string;
  perPage?: number | string;
  /** The number of the first page (some vendors count from 0). @default 1 */
  firstPage?: number;
}

/** `page`/`per_page` paging; a page past the end is empty, not an error. */
export function pageByPageNumber<T>(
  list: readonly T[],
  options: PageNumberOptions,
): { items: T[]; next: number | undefined; total: number; pageCount: number } {
  const perPage = resolveLimit(options.perPage, options);
  const first = options.firstPage ?? 1;
  const page = parseCount(options.page) ?? first;
  if (page === 'invalid' || page < first) {
    throw (options.reject ?? defaultReject)({ kind: 'invalid_page', value: String(options.page), message: `page must be an integer of at least ${first}` });
  }
  const start = (page - first) * perPage;
  const pageCount = Math.ceil(list.length / perPage);
  const items = list.slice(start, start + perPage);
  return { items, next: start + perPage < list.length ? page + 1 : undefined, total: list.length, pageCount };
}
