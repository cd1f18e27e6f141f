/**
 * Stripe's list endpoints: `limit` 1–100 (default 10), `starting_after` / `ending_before`
 * (mutually exclusive), `created` as a timestamp or a range (`created[gte]`), and the envelope
 * `{ object: 'list', data, has_more, url }` (docs.stripe.com/api/pagination).
 */
import { invalidInteger, invalidRequest, resourceMissing } from './errors.js';
import type { FormValue, Params } from './form.js';
import { pageOf, type OrderedView, type OrderKey, type PageQuery } from './ordered.js';

export interface StripeList<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

function integer(param: string, value: FormValue | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^-?\d+$/.test(value.trim())) throw invalidInteger(param, typeof value === 'string' ? value : JSON.stringify(value));
  return Number(value);
}

export function parseLimit(params: Params): number {
  const limit = integer('limit', params.limit) ?? 10;
  if (limit < 1) throw invalidRequest('This value must be greater than or equal to 1.', { code: 'parameter_invalid_integer', param: 'limit' });
  if (limit > 100) throw invalidRequest(`This value must be less than or equal to 100 (it currently is '${limit}').`, { code: 'parameter_invalid_integer', param: 'limit' });
  return limit;
}

/** `created=<ts>` or `created[gt|gte|lt|lte]=<ts>` as a half-open ms interval. */
export function parseCreated(params: Params, param = 'created'): { fromMs: number; toMs: number } {
  const raw = params[param];
  let fromMs = -Infinity;
  let toMs = Infinity;
  if (raw === undefined || raw === '') return { fromMs, toMs };
  if (typeof raw === 'string') {
    const at = integer(param, raw)!;
    return { fromMs: at * 1000, toMs: (at + 1) * 1000 };
  }
  if (Array.isArray(raw)) throw invalidRequest(`Invalid ${param}: must be an integer or a hash of gt, gte, lt, lte`, { param });
  for (const [op, value] of Object.entries(raw)) {
    const at = integer(`${param}[${op}]`, value)!;
    if (op === 'gte') fromMs = Math.max(fromMs, at * 1000);
    else if (op === 'gt') fromMs = Math.max(fromMs, (at + 1) * 1000);
    else if (op === 'lte') toMs = Math.min(toMs, (at + 1) * 1000);
    else if (op === 'lt') toMs = Math.min(toMs, at * 1000);
    else throw invalidRequest(`Received unknown parameter: ${param}[${op}]`, { code: 'parameter_unknown', param: `${param}[${op}]` });
  }
  return { fromMs, toMs };
}

export interface ListRequest<T> {
  params: Params;
  /** The list's path, for the envelope's `url`. */
  url: string;
  view: OrderedView<T>;
  /** Places a cursor object (even a deleted one); undefined when no such object ever existed. */
  keyOf: (id: string) => OrderKey | undefined;
  /** The object's name in `No such customer` errors. */
  kind: string;
  /** Stripe keeps events for 30 days: the oldest creation time a list may show. */
  notBeforeMs?: number;
}

function anchor<T>(req: ListRequest<T>, param: 'starting_after' | 'ending_before'): OrderKey | undefined {
  const value = req.params[param];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalidRequest(`Invalid ${param}: must be an object ID`, { param });
  const key = req.keyOf(value);
  if (!key) throw resourceMissing(req.kind, value, param);
  return key;
}

export function listPage<T>(req: ListRequest<T>): StripeList<T> {
  const limit = parseLimit(req.params);
  const created = parseCreated(req.params);
  const startingAfter = anchor(req, 'starting_after');
  const endingBefore = anchor(req, 'ending_before');
  if (startingAfter && endingBefore) {
    throw invalidRequest('You may only specify one of these parameters: ending_before, starting_after.', { code: 'parameter_invalid_string' });
  }
  const query: PageQuery = { limit, fromMs: Math.max(created.fromMs, req.notBeforeMs ?? -Infinity), toMs: created.toMs, startingAfter, endingBefore };
  const page = pageOf(req.view, query);
  return { object: 'list', data: page.data, has_more: page.hasMore, url: req.url };
}
