/**
 * The part of OData `$filter` the sandbox understands: comparisons (`eq ne gt ge lt le`) of a
 * column with a literal (string, number, GUID, date-time, `null`, `true`, `false`), joined by
 * `and` / `or`, negated by `not`, grouped by parentheses. Strings compare case-blind, as
 * Dataverse's SQL collation does. Anything else is Dataverse's syntax error.
 */
import { dvError } from './errors.js';

export type Literal = string | number | boolean | null | { guid: string } | { date: number };
export type Filter =
  | { op: 'and' | 'or'; left: Filter; right: Filter }
  | { op: 'not'; expr: Filter }
  | { op: 'cmp'; column: string; cmp: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; value: Literal };

const TOKEN = /\s*(?:(\()|(\))|'((?:[^']|'')*)'|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])|(\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))|(-?\d+(?:\.\d+)?)(?![\w.])|([A-Za-z_][A-Za-z0-9_]*))/iy;

type Token = { kind: '(' | ')' | 'str' | 'guid' | 'date' | 'num' | 'word'; text: string; at: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    if (/^\s*$/.test(text.slice(at))) break;
    const m = TOKEN.exec(text);
    if (!m) throw syntax(text, at);
    const kind = m[1] ? '(' : m[2] ? ')' : m[3] !== undefined ? 'str' : m[4] ? 'guid' : m[5] ? 'date' : m[6] ? 'num' : 'word';
    tokens.push({ kind, text: m[3] !== undefined ? m[3].replace(/''/g, "'") : m[0].trim(), at });
  }
  return tokens;
}

const syntax = (text: string, at: number) => dvError(400, '0x80060888', `Syntax error at position ${at} in '${text}'.`);

export function parseFilter(text: string): Filter {
  const tokens = tokenize(text);
  let i = 0;
  const peekWord = (w: string) => tokens[i]?.kind === 'word' && tokens[i]!.text.toLowerCase() === w;
  const fail = (): never => { throw syntax(text, tokens[i]?.at ?? text.length); };

  function literal(): Literal {
    const t = tokens[i++] ?? fail();
    if (t.kind === 'str') return t.text;
    if (t.kind === 'guid') return { guid: t.text.toLowerCase() };
    if (t.kind === 'date') return { date: Date.parse(t.text) };
    if (t.kind === 'num') return Number(t.text);
    if (t.kind === 'word' && ['null', 'true', 'false'].includes(t.text.toLowerCase())) return JSON.parse(t.text.toLowerCase()) as null | boolean;
    return fail();
  }
  function factor(): Filter {
    if (tokens[i]?.kind === '(') {
      i++;
      const inner = or();
      if (tokens[i++]?.kind !== ')') fail();
      return inner;
    }
    if (peekWord('not')) { i++; return { op: 'not', expr: factor() }; }
    const column = tokens[i++];
    const cmp = tokens[i++]?.text.toLowerCase();
    if (column?.kind !== 'word' || !cmp || !['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(cmp)) return fail();
    return { op: 'cmp', column: column.text, cmp: cmp as 'eq', value: literal() };
  }
  function and(): Filter {
    let left = factor();
    while (peekWord('and')) { i++; left = { op: 'and', left, right: factor() }; }
    return left;
  }
  function or(): Filter {
    let left = and();
    while (peekWord('or')) { i++; left = { op: 'or', left, right: and() }; }
    return left;
  }
  const tree = or();
  if (i < tokens.length) fail();
  return tree;
}

export function columnsOf(filter: Filter): string[] {
  if ('column' in filter) return [filter.column];
  if ('expr' in filter) return columnsOf(filter.expr);
  return [...columnsOf(filter.left), ...columnsOf(filter.right)];
}

/** `value(column)`: strings, numbers, booleans, null; GUIDs lower-case; date-times as epoch ms. */
export function matches(filter: Filter, value: (column: string) => unknown): boolean {
  if ('left' in filter) return filter.op === 'and' ? matches(filter.left, value) && matches(filter.right, value) : matches(filter.left, value) || matches(filter.right, value);
  if ('expr' in filter) return !matches(filter.expr, value);
  const actual = value(filter.column);
  const lit = filter.value;
  const expected = lit !== null && typeof lit === 'object' ? ('guid' in lit ? lit.guid : lit.date) : lit;
  const a = typeof actual === 'string' ? actual.toLowerCase() : actual;
  const b = typeof expected === 'string' ? expected.toLowerCase() : expected;
  if (filter.cmp === 'eq') return a === b || (a === undefined && b === null);
  if (filter.cmp === 'ne') return !(a === b || (a === undefined && b === null));
  if (a === null || a === undefined || b === null) return false;
  const order = (a as number | string) < (b as number | string) ? -1 : (a as number | string) > (b as number | string) ? 1 : 0;
  return { gt: order > 0, ge: order >= 0, lt: order < 0, le: order <= 0 }[filter.cmp];
}
