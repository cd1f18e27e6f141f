/**
 * Stripe's list order (newest first, ties by id, descending) as positions that can be searched
 * in O(log n): created ranges and `starting_after` / `ending_before` anchors become index bounds,
 * so paging a million generated records costs what paging a hundred does. An anchor is found by
 * its key even after its object was deleted, so a cursor survives the record it names.
 */
import { compareIds } from '../../../src/sandbox/index.js';

export interface OrderKey {
  createdMs: number;
  id: string;
}

/** A list in Stripe's order; `at` is undefined for a hole (an object deleted in place). */
export interface OrderedView<T> {
  readonly length: number;
  keyAt(index: number): OrderKey;
  at(index: number): T | undefined;
}

/** Negative when `a` is listed before `b`. */
export function compareOrder(a: OrderKey, b: OrderKey): number {
  return b.createdMs - a.createdMs || compareIds(b.id, a.id);
}

/** The first index for which `test` holds; `test` must be false then true along the view. */
function firstWhere<T>(view: OrderedView<T>, test: (key: OrderKey) => boolean): number {
  let lo = 0;
  let hi = view.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(view.keyAt(mid))) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function concatViews<T>(first: OrderedView<T>, second: OrderedView<T>): OrderedView<T> {
  return {
    get length() { return first.length + second.length; },
    keyAt: (i) => (i < first.length ? first.keyAt(i) : second.keyAt(i - first.length)),
    at: (i) => (i < first.length ? first.at(i) : second.at(i - first.length)),
  };
}

export function arrayView<T>(items: readonly T[], key: (item: T) => OrderKey): OrderedView<T> {
  return { length: items.length, keyAt: (i) => key(items[i]!), at: (i) => items[i] };
}

export interface PageQuery {
  limit: number;
  /** Creation time bounds in epoch ms, `[fromMs, toMs)`. */
  fromMs: number;
  toMs: number;
  startingAfter?: OrderKey;
  endingBefore?: OrderKey;
}

export function pageOf<T>(view: OrderedView<T>, query: PageQuery): { data: T[]; hasMore: boolean } {
  let start = firstWhere(view, (k) => k.createdMs < query.toMs);
  let end = firstWhere(view, (k) => k.createdMs < query.fromMs);
  const data: T[] = [];
  if (query.endingBefore) {
    // The `limit` objects just newer than the anchor, still listed newest first.
    const anchor = query.endingBefore;
    end = Math.min(end, firstWhere(view, (k) => compareOrder(k, anchor) >= 0));
    let i = end - 1;
    for (; i >= start && data.length < query.limit; i--) {
      const item = view.at(i);
      if (item !== undefined) data.unshift(item);
    }
    return { data, hasMore: anyPresent(view, start, i + 1) };
  }
  if (query.startingAfter) {
    const anchor = query.startingAfter;
    start = Math.max(start, firstWhere(view, (k) => compareOrder(k, anchor) > 0));
  }
  let i = start;
  for (; i < end && data.length < query.limit; i++) {
    const item = view.at(i);
    if (item !== undefined) data.push(item);
  }
  return { data, hasMore: anyPresent(view, i, end) };
}

function anyPresent<T>(view: OrderedView<T>, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (view.at(i) !== undefined) return true;
  return false;
}
