/**
 * Runs a parsed SuiteQL query over a table's rows (values and comparisons: values.ts). Ascending
 * order puts NULLs last, as Oracle does; rows are projected to the selected columns page by page.
 */
import { suiteqlError } from '../errors.js';
import type { Expr, Query } from './parse.js';
import { call, compare, likeToRegExp, type Row, type Table, type Value } from './values.js';

export type { Row, Table, Value } from './values.js';

/** Calls on literals only (TO_TIMESTAMP('…', '…')) are worked out once per query, not per row. */
const constants = new WeakMap<Expr, Value>();
const literalOnly = (e: Expr): boolean => e.t === 'lit' || (e.t === 'fn' && e.args.every(literalOnly));

function evaluate(expr: Expr, row: Row, table: Table, alias: string | undefined): Value {
  switch (expr.t) {
    case 'lit': return expr.value;
    case 'col': {
      if (expr.table !== undefined && expr.table !== table.name && expr.table !== alias) throw suiteqlError(`Record '${expr.table}' was not found in this query`);
      if (!table.columns.has(expr.name)) throw suiteqlError(`Field '${expr.name}' for record '${table.name}' was not found. Reason: NOT_EXPOSED - Not available for channel SEARCH`);
      return row[expr.name] ?? null;
    }
    case 'fn': {
      if (constants.has(expr)) return constants.get(expr)!;
      const value = call(expr.name, expr.args.map((a) => evaluate(a, row, table, alias)));
      if (literalOnly(expr)) constants.set(expr, value);
      return value;
    }
    default: return test(expr, row, table, alias) ? 'T' : 'F';
  }
}

function test(expr: Expr, row: Row, table: Table, alias: string | undefined): boolean {
  const value = (e: Expr) => evaluate(e, row, table, alias);
  switch (expr.t) {
    case 'and': return expr.items.every((e) => test(e, row, table, alias));
    case 'or': return expr.items.some((e) => test(e, row, table, alias));
    case 'not': return !test(expr.expr, row, table, alias);
    case 'isnull': return (value(expr.expr) === null) !== expr.not;
    case 'in': {
      const left = value(expr.expr);
      if (left === null) return false;
      return expr.list.some((e) => compare(left, value(e)) === 0) !== expr.not;
    }
    case 'like': {
      const left = value(expr.expr);
      const pattern = value(expr.pattern);
      if (left === null || pattern === null) return false;
      return likeToRegExp(String(pattern)).test(String(left)) !== expr.not;
    }
    case 'cmp': {
      const c = compare(value(expr.left), value(expr.right));
      if (c === null) return false;
      return { '=': c === 0, '<>': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[expr.op] ?? false;
    }
    default: throw suiteqlError('a condition was expected');
  }
}

/** Every matching row, ordered; `project` turns one into the selected columns (done per page). */
export function run(query: Query, table: Table): { rows: Row[]; project: (row: Row) => Row } {
  const matching = table.rows.filter((row) => !query.where || test(query.where, row, table, query.alias));
  if (query.orderBy.length > 0) {
    const keyed = matching.map((row) => ({ row, keys: query.orderBy.map((o) => evaluate(o.expr, row, table, query.alias)) }));
    keyed.sort((a, b) => {
      for (const [i, o] of query.orderBy.entries()) {
        const [x, y] = [a.keys[i]!, b.keys[i]!];
        if (x === null || y === null) { if (x !== y) return (x === null ? 1 : -1) * (o.desc ? -1 : 1); continue; }
        const c = compare(x, y)!;
        if (c !== 0) return o.desc ? -c : c;
      }
      return 0;
    });
    matching.splice(0, matching.length, ...keyed.map((k) => k.row));
  }
  const columns = query.columns;
  // Checked on the first row now, so an unknown column fails the query even when a page is empty.
  if (columns !== '*') for (const c of columns) if (c.expr.t === 'col') evaluate(c.expr, {}, table, query.alias);
  const project = (row: Row): Row => (columns === '*' ? { ...row } : Object.fromEntries(columns.map((c) => [c.alias, evaluate(c.expr, row, table, query.alias)])));
  return { rows: matching, project };
}
