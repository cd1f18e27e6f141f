/**
 * A parser for the SOQL the sandbox understands: `SELECT f, … FROM Object [WHERE …]
 * [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], …] [LIMIT n] [OFFSET n]`, where conditions combine
 * comparisons (= != <> < <= > >=), IN / NOT IN lists, LIKE, NOT, AND, OR and parentheses over
 * string, number, boolean, null, date and dateTime literals. Syntax errors are MALFORMED_QUERY
 * with Salesforce's row-and-column message; names are checked later, against the object.
 */
import { queryError } from './errors.js';
import { tokenize, type Literal, type Token } from './soql-lex.js';

export type { Literal } from './soql-lex.js';

export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=';
export interface FieldRef { name: string; column: number }

export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; inner: Condition }
  | { kind: 'compare'; field: FieldRef; op: Operator; value: Literal }
  | { kind: 'in'; field: FieldRef; negated: boolean; values: Literal[] }
  | { kind: 'like'; field: FieldRef; pattern: string };

export interface SoqlQuery {
  text: string;
  fields: FieldRef[];
  from: FieldRef;
  where?: Condition;
  orderBy: Array<{ field: FieldRef; desc: boolean; nullsLast: boolean }>;
  limit?: number;
  offset?: number;
}

export function parseSoql(soql: string): SoqlQuery {
  const tokens = tokenize(soql);
  let at = 0;
  const peek = () => tokens[at]!;
  const fail = (token: Token = peek()): never => { throw queryError('MALFORMED_QUERY', soql, token.column, `unexpected token: '${token.text}'`); };
  const isWord = (word: string, token = peek()) => token.type === 'word' && token.text.toUpperCase() === word;
  const expectWord = (word: string) => (isWord(word) ? tokens[at++]! : fail());
  const name = (): FieldRef => (peek().type === 'word' ? { name: tokens[at]!.text, column: tokens[at++]!.column } : fail());
  const literal = (): Literal => {
    const token = peek();
    if (token.type === 'literal') return (at++, token.literal!);
    if (isWord('TRUE') || isWord('FALSE')) return (at++, { kind: 'boolean', value: token.text.toUpperCase() === 'TRUE' });
    if (isWord('NULL')) return (at++, { kind: 'null' });
    return fail();
  };
  const list = <T>(item: () => T): T[] => {
    const items = [item()];
    while (peek().text === ',') { at++; items.push(item()); }
    return items;
  };

  const primary = (): Condition => {
    if (peek().text === '(') {
      at++;
      const inner = or();
      if (peek().text !== ')') fail();
      at++;
      return inner;
    }
    if (isWord('NOT')) return (at++, { kind: 'not', inner: primary() });
    const field = name();
    const negated = isWord('NOT') ? (at++, true) : false;
    if (isWord('IN')) {
      at++;
      if (peek().text !== '(') fail();
      at++;
      const values = list(literal);
      if (peek().text !== ')') fail();
      at++;
      return { kind: 'in', field, negated, values };
    }
    if (negated) fail();
    if (isWord('LIKE')) {
      at++;
      const pattern = literal();
      return pattern.kind === 'string' ? { kind: 'like', field, pattern: pattern.value } : fail(tokens[at - 1]);
    }
    if (peek().type !== 'op') fail();
    const op = tokens[at++]!.text as Operator;
    return { kind: 'compare', field, op, value: literal() };
  };
  const and = (): Condition => {
    let left = primary();
    while (isWord('AND')) { at++; left = { kind: 'and', left, right: primary() }; }
    return left;
  };
  function or(): Condition {
    let left = and();
    while (isWord('OR')) { at++; left = { kind: 'or', left, right: and() }; }
    return left;
  }
  const count = (): number => {
    const value = literal();
    return value.kind === 'number' && Number.isInteger(value.value) && value.value >= 0 ? value.value : fail(tokens[at - 1]);
  };

  expectWord('SELECT');
  const fields = list(name);
  expectWord('FROM');
  const query: SoqlQuery = { text: soql, fields, from: name(), orderBy: [] };
  if (isWord('WHERE')) { at++; query.where = or(); }
  if (isWord('ORDER')) {
    at++;
    expectWord('BY');
    query.orderBy = list(() => {
      const field = name();
      const desc = isWord('DESC') ? (at++, true) : isWord('ASC') ? (at++, false) : false;
      let nullsLast = desc;
      if (isWord('NULLS')) { at++; nullsLast = isWord('LAST') ? (at++, true) : (expectWord('FIRST'), false); }
      return { field, desc, nullsLast };
    });
  }
  if (isWord('LIMIT')) { at++; query.limit = count(); }
  if (isWord('OFFSET')) { at++; query.offset = count(); }
  if (peek().type !== 'end') fail();
  return query;
}
