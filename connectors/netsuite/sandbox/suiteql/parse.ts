/**
 * A recursive-descent parser for the SuiteQL subset: `SELECT cols FROM table [alias] [WHERE …]
 * [ORDER BY …]` with AND / OR / NOT, comparisons, IN, LIKE, IS NULL, qualified columns and the
 * functions TO_CHAR, TO_TIMESTAMP, TO_DATE, LOWER and UPPER. Anything else is refused the way
 * NetSuite refuses a query it cannot run: a 400 "Invalid search query".
 */
import { suiteqlError } from '../errors.js';
import { lex, type Token } from './lex.js';

export type Literal = string | number | null;

export type Expr =
  | { t: 'lit'; value: Literal }
  | { t: 'col'; table?: string; name: string }
  | { t: 'fn'; name: string; args: Expr[] }
  | { t: 'cmp'; op: string; left: Expr; right: Expr }
  | { t: 'in'; expr: Expr; list: Expr[]; not: boolean }
  | { t: 'isnull'; expr: Expr; not: boolean }
  | { t: 'like'; expr: Expr; pattern: Expr; not: boolean }
  | { t: 'and' | 'or'; items: Expr[] }
  | { t: 'not'; expr: Expr };

export interface Query {
  columns: Array<{ expr: Expr; alias: string }> | '*';
  table: string;
  alias?: string;
  where?: Expr;
  orderBy: Array<{ expr: Expr; desc: boolean }>;
}

const FUNCTIONS = new Set(['to_char', 'to_timestamp', 'to_date', 'lower', 'upper']);
const RESERVED = new Set(['select', 'from', 'where', 'order', 'by', 'and', 'or', 'not', 'in', 'is', 'null', 'like', 'as', 'asc', 'desc']);

export function parseQuery(text: string): Query {
  const tokens = lex(text);
  let pos = 0;
  const peek = (): Token => tokens[pos]!;
  const isWord = (word: string) => peek().kind === 'ident' && peek().value === word;
  const isOp = (op: string) => peek().kind === 'op' && peek().value === op;
  const fail = (what: string): never => { throw suiteqlError(`${what} near position ${peek().at + 1}`); };
  const word = (w: string) => { if (!isWord(w)) fail(`expected ${w.toUpperCase()}`); pos++; };
  const op = (o: string) => { if (!isOp(o)) fail(`expected '${o}'`); pos++; };
  const ident = (): string => {
    const token = peek();
    if (token.kind !== 'ident' || RESERVED.has(token.value)) fail('expected a name');
    pos++;
    return token.value as string;
  };

  function primary(): Expr {
    const token = peek();
    if (token.kind === 'string' || token.kind === 'number') { pos++; return { t: 'lit', value: token.value }; }
    if (isWord('null')) { pos++; return { t: 'lit', value: null }; }
    if (isOp('(')) { pos++; const inner = or(); op(')'); return inner; }
    const name = ident();
    if (isOp('(')) {
      if (!FUNCTIONS.has(name)) fail(`unsupported function ${name.toUpperCase()}`);
      pos++;
      const args = [or()];
      while (isOp(',')) { pos++; args.push(or()); }
      op(')');
      return { t: 'fn', name, args };
    }
    if (isOp('.')) { pos++; return { t: 'col', table: name, name: ident() }; }
    return { t: 'col', name };
  }

  function predicate(): Expr {
    const left = primary();
    const token = peek();
    if (token.kind === 'op' && ['=', '<>', '!=', '<', '<=', '>', '>='].includes(token.value)) { pos++; return { t: 'cmp', op: token.value === '!=' ? '<>' : token.value, left, right: primary() }; }
    if (isWord('is')) { pos++; const not = isWord('not') ? (pos++, true) : false; word('null'); return { t: 'isnull', expr: left, not }; }
    const not = isWord('not') ? (pos++, true) : false;
    if (isWord('in')) {
      pos++; op('(');
      const list = [primary()];
      while (isOp(',')) { pos++; list.push(primary()); }
      op(')');
      return { t: 'in', expr: left, list, not };
    }
    if (isWord('like')) { pos++; return { t: 'like', expr: left, pattern: primary(), not }; }
    if (not) fail('expected IN or LIKE after NOT');
    return left;
  }

  function unary(): Expr { if (isWord('not')) { pos++; return { t: 'not', expr: unary() }; } return predicate(); }
  function and(): Expr { const items = [unary()]; while (isWord('and')) { pos++; items.push(unary()); } return items.length === 1 ? items[0]! : { t: 'and', items }; }
  function or(): Expr { const items = [and()]; while (isWord('or')) { pos++; items.push(and()); } return items.length === 1 ? items[0]! : { t: 'or', items }; }

  word('select');
  let columns: Query['columns'] = '*';
  if (isOp('*')) pos++;
  else {
    columns = [];
    do {
      if (columns.length > 0) pos++;
      const expr = or();
      let alias = expr.t === 'col' ? expr.name : `expr${columns.length + 1}`;
      if (isWord('as')) { pos++; alias = ident(); } else if (peek().kind === 'ident' && !RESERVED.has(peek().value as string)) alias = ident();
      columns.push({ expr, alias });
    } while (isOp(','));
  }
  word('from');
  const table = ident();
  const alias = peek().kind === 'ident' && !RESERVED.has(peek().value as string) ? ident() : undefined;
  const where = isWord('where') ? (pos++, or()) : undefined;
  const orderBy: Query['orderBy'] = [];
  if (isWord('order')) {
    pos++; word('by');
    do {
      if (orderBy.length > 0) pos++;
      const expr = or();
      const desc = isWord('desc') ? (pos++, true) : (isWord('asc') ? (pos++, false) : false);
      orderBy.push({ expr, desc });
    } while (isOp(','));
  }
  if (peek().kind !== 'end') fail('unexpected text');
  return { columns, table, alias, where, orderBy };
}
