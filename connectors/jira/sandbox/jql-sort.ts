/**
 * `ORDER BY` for the sandbox's search: the sortable fields, and a total order (the issue id is
 * the final tie-break) that the page tokens record positions in. Without `ORDER BY`, newest
 * created first.
 */
import { PRIORITIES, STATUSES } from './catalog.js';
import { jqlError } from './errors.js';
import type { SortItem } from './jql-parse.js';
import type { IssueEntry } from './store.js';

export type SortValue = string | number;

export interface Order {
  /** The sort tuple of an issue: the ORDER BY values, then its id. */
  tuple: (entry: IssueEntry) => SortValue[];
  compare: (a: SortValue[], b: SortValue[]) => number;
}

const PRIORITY_RANK = (id: string | null) => (id === null ? 99 : PRIORITIES.findIndex((p) => p.id === id));

const SORTABLE: Record<string, (e: IssueEntry) => SortValue> = {
  updated: (e) => e.updatedAt,
  created: (e) => e.createdAt,
  id: (e) => Number(e.id),
  // Keys sort by project, then by number (SBX-9 before SBX-10).
  key: (e) => `${e.data.projectKey}-${String(e.data.number).padStart(12, '0')}`,
  priority: (e) => PRIORITY_RANK(e.data.priorityId),
  summary: (e) => e.data.summary.toLowerCase(),
  status: (e) => STATUSES.findIndex((s) => s.id === e.data.statusId),
};

export function orderOf(orderBy: SortItem[]): Order {
  const order = orderBy.length > 0 ? orderBy : [{ field: 'created', direction: 'desc' as const }];
  const getters = order.map((item) => {
    const get = SORTABLE[item.field === 'issuekey' ? 'key' : item.field];
    if (!get) throw jqlError(`Field '${item.field}' does not support sorting.`);
    return get;
  });
  const signs = [...order.map((item) => (item.direction === 'desc' ? -1 : 1)), 1];
  return {
    tuple: (e) => [...getters.map((get) => get(e)), Number(e.id)],
    compare: (a, b) => {
      for (let i = 0; i < signs.length; i++) {
        const [x, y] = [a[i]!, b[i]!];
        if (x !== y) return (x < y ? -1 : 1) * signs[i]!;
      }
      return 0;
    },
  };
}
