/**
 * Runs a parsed JQL against the sandbox's issues: date fields read in the caller's zone at
 * minute resolution, issue refs checked to exist (Jira refuses a query naming an issue that is
 * gone), `ORDER BY` with the issue id as the final tie-break so the order is total.
 */
import { ISSUE_TYPES, PRIORITIES, PROJECTS, STATUSES } from './catalog.js';
import { jqlError } from './errors.js';
import type { Expr, Jql, Operator } from './jql-parse.js';
import { orderOf, type Order } from './jql-sort.js';
import type { IssueEntry, JiraStore } from './store.js';
import { parseJqlDate } from './time.js';

export interface Scope { store: JiraStore; timeZone: string; now: number }


export interface Compiled extends Order {
  matches: (entry: IssueEntry) => boolean;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function compareValues(op: Operator, a: number, b: number): boolean {
  switch (op) {
    case '=': return a === b;
    case '!=': return a !== b;
    case '>': return a > b;
    case '>=': return a >= b;
    case '<': return a < b;
    case '<=': return a <= b;
    default: return false;
  }
}

function dateOf(field: string, value: string, scope: Scope): number {
  const ms = parseJqlDate(value, scope.timeZone, scope.now);
  if (ms === undefined) {
    throw jqlError(`Date value '${value}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`);
  }
  return ms;
}

function issueRef(field: string, value: string, scope: Scope): IssueEntry {
  const entry = scope.store.issue(value);
  if (!entry) throw jqlError(`An issue with key '${value.toUpperCase()}' does not exist for field '${field}'.`);
  return entry;
}

/** A named value (status, project...) that must exist, as Jira checks before running the query. */
function known<T extends { id: string; name?: string; key?: string }>(list: T[], field: string, value: string): T {
  const found = list.find((item) => item.id === value || (item.key !== undefined && same(item.key, value)) || (item.name !== undefined && same(item.name, value)));
  if (!found) throw jqlError(`The value '${value}' does not exist for the field '${field}'.`);
  return found;
}

type Getter = (e: IssueEntry) => string | string[] | null;

const NAMED: Record<string, { list: Array<{ id: string; name?: string; key?: string }>; get: Getter }> = {
  project: { list: PROJECTS, get: (e) => PROJECTS.find((p) => p.key === e.data.projectKey)!.id },
  status: { list: STATUSES, get: (e) => e.data.statusId },
  priority: { list: PRIORITIES, get: (e) => e.data.priorityId },
  issuetype: { list: ISSUE_TYPES, get: (e) => e.data.issuetypeId },
  type: { list: ISSUE_TYPES, get: (e) => e.data.issuetypeId },
};

const PLAIN: Record<string, Getter> = {
  assignee: (e) => e.data.assignee,
  reporter: (e) => e.data.reporter,
  labels: (e) => e.data.labels,
  summary: (e) => e.data.summary,
  text: (e) => e.data.summary,
};

function predicate(expr: Expr, scope: Scope): (e: IssueEntry) => boolean {
  switch (expr.kind) {
    case 'and': { const [l, r] = [predicate(expr.left, scope), predicate(expr.right, scope)]; return (e) => l(e) && r(e); }
    case 'or': { const [l, r] = [predicate(expr.left, scope), predicate(expr.right, scope)]; return (e) => l(e) || r(e); }
    case 'not': { const inner = predicate(expr.expr, scope); return (e) => !inner(e); }
    default: return clause(expr, scope);
  }
}

function clause(expr: Exclude<Expr, { kind: 'and' | 'or' | 'not' }>, scope: Scope): (e: IssueEntry) => boolean {
  const { field } = expr;
  if (field === 'updated' || field === 'created') {
    if (expr.kind !== 'compare') return () => (expr.kind === 'empty' ? expr.negated : false);
    const bound = dateOf(field, expr.value, scope);
    return (e) => compareValues(expr.op, field === 'updated' ? e.updatedAt : e.createdAt, bound);
  }
  if (field === 'key' || field === 'issuekey' || field === 'issue' || field === 'id') {
    if (expr.kind === 'in') {
      const ids = new Set(expr.values.map((v) => issueRef(field, v, scope).id));
      return (e) => ids.has(e.id) !== expr.negated;
    }
    if (expr.kind === 'empty') return () => expr.negated;
    const target = issueRef(field, expr.value, scope);
    if (expr.op === '=' || expr.op === '!=') return (e) => (e.id === target.id) === (expr.op === '=');
    return (e) => e.data.projectKey === target.data.projectKey && compareValues(expr.op, e.data.number, target.data.number);
  }
  const named = NAMED[field];
  const get = named?.get ?? PLAIN[field];
  if (!get) throw jqlError(`Field '${field}' does not exist or you do not have permission to view it.`);
  const resolve = (value: string) => (named ? known(named.list, field, value).id : value);
  const has = (e: IssueEntry, wanted: string) => {
    const actual = get(e);
    return Array.isArray(actual) ? actual.some((a) => same(a, wanted)) : actual !== null && same(actual, wanted);
  };
  if (expr.kind === 'empty') return (e) => { const v = get(e); return (v === null || (Array.isArray(v) && v.length === 0)) !== expr.negated; };
  if (expr.kind === 'in') {
    const values = expr.values.map(resolve);
    return (e) => values.some((v) => has(e, v)) !== expr.negated;
  }
  if (expr.op === '~' || expr.op === '!~') {
    const needle = expr.value.toLowerCase();
    return (e) => String(get(e) ?? '').toLowerCase().includes(needle) === (expr.op === '~');
  }
  if (expr.op !== '=' && expr.op !== '!=') throw jqlError(`The operator '${expr.op}' is not supported by the '${field}' field.`);
  const value = resolve(expr.value);
  return (e) => has(e, value) === (expr.op === '=');
}

export function compileJql(jql: Jql, scope: Scope): Compiled {
  return { matches: jql.where ? predicate(jql.where, scope) : () => true, ...orderOf(jql.orderBy) };
}
