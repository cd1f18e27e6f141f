/**
 * Declared paginators: the paging styles vendors use, as data. A connector names its style and
 * where the records are; the loop over pages lives here, once. Each yielded page carries the
 * state of the next request, so an interrupted read resumes where it stopped.
 */
import type { ZodType } from 'zod';
import { unwrap, type HttpRequest } from '../core/index.js';
import { getPath } from '../canonical/index.js';
import type { ConnectorContext } from '../registry/index.js';

export type PaginatorSpec =
  /** A token from the body goes into a query parameter (HubSpot `paging.next.after` → `after`). */
  | { type: 'cursor_token'; tokenParam: string; tokenPath: string; limitParam?: string; limit?: number }
  /** The last record's id goes into a parameter (Stripe `starting_after`), while `hasMorePath` says so. */
  | { type: 'last_id'; param: string; idPath: string; hasMorePath: string; limitParam?: string; limit?: number }
  | { type: 'offset'; offsetParam: string; limitParam: string; limit: number }
  | { type: 'page_number'; pageParam: string; perPageParam?: string; perPage?: number; startPage?: number }
  /** RFC 8288 `Link: <…>; rel="next"` (GitHub, Zendesk Support, Shopify). */
  | { type: 'link_header' }
  /** A next URL in the body (Salesforce `nextRecordsUrl`, OData `@odata.nextLink`). */
  | { type: 'next_url'; nextUrlPath: string };

/** Where the next request starts: a token, an id, an offset, a page, or a whole URL. */
export type PageState = { token?: string; offset?: number; page?: number; url?: string } | null;

export interface PaginateOptions<B> {
  request: HttpRequest<B>;
  paginator: PaginatorSpec;
  /** Path of the records array in the body (`results`, `data`, `records`, `value`). */
  recordsPath: string;
  /** Resume an interrupted read here. */
  start?: PageState;
  schema?: ZodType<B>;
}

export interface FetchedPage<B> {
  body: B;
  records: Array<Record<string, unknown>>;
  /** The state to resume from after this page; null when it was the last one. */
  next: PageState;
}

function nextFromLinkHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

function applyState<B>(base: HttpRequest<B>, spec: PaginatorSpec, state: PageState): HttpRequest<B> {
  if (state?.url) return { ...base, url: state.url, query: undefined };
  const query = { ...base.query };
  switch (spec.type) {
    case 'cursor_token':
      if (spec.limitParam && spec.limit) query[spec.limitParam] = spec.limit;
      if (state?.token) query[spec.tokenParam] = state.token;
      break;
    case 'last_id':
      if (spec.limitParam && spec.limit) query[spec.limitParam] = spec.limit;
      if (state?.token) query[spec.param] = state.token;
      break;
    case 'offset':
      query[spec.offsetParam] = state?.offset ?? 0;
      query[spec.limitParam] = spec.limit;
      break;
    case 'page_number':
      query[spec.pageParam] = state?.page ?? spec.startPage ?? 1;
      if (spec.perPageParam && spec.perPage) query[spec.perPageParam] = spec.perPage;
      break;
    default:
      break;
  }
  return { ...base, query };
}

function nextState(spec: PaginatorSpec, state: PageState, body: unknown, headers: Record<string, string>, records: unknown[]): PageState {
  switch (spec.type) {
    case 'cursor_token': {
      const token = getPath(body, spec.tokenPath);
      return token ? { token: String(token) } : null;
    }
    case 'last_id': {
      if (!getPath(body, spec.hasMorePath) || records.length === 0) return null;
      return { token: String(getPath(records[records.length - 1], spec.idPath)) };
    }
    case 'offset':
      return records.length < spec.limit ? null : { offset: (state?.offset ?? 0) + records.length };
    case 'page_number':
      return records.length === 0 || (spec.perPage !== undefined && records.length < spec.perPage) ? null : { page: (state?.page ?? spec.startPage ?? 1) + 1 };
    case 'link_header': {
      const url = nextFromLinkHeader(headers.link);
      return url ? { url } : null;
    }
    case 'next_url': {
      const url = getPath(body, spec.nextUrlPath);
      return typeof url === 'string' && url ? { url } : null;
    }
  }
}

/** Fetches page after page; a failed page throws its classified ConnectorError. */
export async function* paginate<B = unknown>(ctx: ConnectorContext, options: PaginateOptions<B>): AsyncGenerator<FetchedPage<B>> {
  let state: PageState = options.start ?? null;
  for (;;) {
    const response = await ctx.http.request<B>({ ...applyState(options.request, options.paginator, state), schema: options.schema, signal: ctx.signal });
    const body = unwrap(response);
    const found = getPath(body, options.recordsPath);
    const records = Array.isArray(found) ? (found as Array<Record<string, unknown>>) : [];
    const next = nextState(options.paginator, state, body, response.headers, records);
    yield { body, records, next };
    if (!next) return;
    state = next;
  }
}
