/**
 * A JQL subset, parsed as Jira does: clauses `field op value`, `field [NOT] IN (...)`,
 * `field IS [NOT] EMPTY`, joined by AND / OR / NOT with parentheses, then `ORDER BY field
 * [ASC|DESC], ...`. Keywords are case-blind; values are bare words or quoted with ' or ".
 * A malformed query throws Jira's "Error in the JQL Query" wording.
 */
import { jqlError } from './errors.js';

export type Operator = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '!~';

export type Expr =
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'not'; expr: Expr }
  | { kind: 'compare'; field: string; op: Operator; value: string }
  | { kind: 'in'; field: string; negated: boolean; values: string[] }
  | { kind: 'empty'; field: string; negated: boolean };

export interface SortItem { field: string; direction: 'asc' | 'desc' }

export interface Jql { where?: Expr; orderBy: SortItem[] }

type Token = { type: 'word' | 'string' | 'op' | 'punct'; text: string; at: number };

const OPERATORS = ['>=', '<=', '!=', '!~', '=', '>', '<', '~'];

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const ch = jql[i]!;
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === '(' || ch === ')' || ch === ',') { tokens.push({ type: 'punct', text: ch, at: i }); i++; continue; }
    const op = OPERATORS.find((o) => jql.startsWith(o, i));
    if (op) { tokens.push({ type: 'op', text: op, at: i }); i += op.length; continue; }
    if (ch === '"' || ch === "'") {
      let text = '';
      let j = i + 1;
      while (j < jql.length && jql[j] !== ch) {
        if (jql[j] === '\\') j++;
        text += jql[j] ?? '';
        j++;
      }
      if (j >= jql.length) throw jqlError(`Error in the JQL Query: The quoted string '${text}' has not been completed. (line 1, character ${i + 1})`);
      tokens.push({ type: 'string', text, at: i });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < jql.length && !/[\s(),=!<>~"']/.test(jql[j]!)) j++;
    tokens.push({ type: 'word', text: jql.slice(i, j), at: i });
    i = j;
  }
  return tokens;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined { return this.tokens[this.i]; }
  private keyword(word: string): boolean {
    const t = this.peek();
    if (t?.type === 'word' && t.text.toUpperCase() === word) { this.i++; return true; }
    return false;
  }
  private expect(text: string): void {
    const t = this.peek();
    if (t?.text !== text) this.fail(`Expecting '${text}'`);
    this.i++;
  }
  fail(expecting: string): never {
    const t = this.peek();
    throw jqlError(`Error in the JQL Query: ${expecting} but got ${t ? `'${t.text}'` : 'the end of the query'}. (line 1, character ${(t?.at ?? 0) + 1})`);
  }

  parse(): Jql {
    const startsWithOrder = this.peek()?.type === 'word' && this.peek()!.text.toUpperCase() === 'ORDER';
    const where = this.peek() && !startsWithOrder ? this.or() : undefined;
    const orderBy: SortItem[] = [];
    if (this.keyword('ORDER')) {
      if (!this.keyword('BY')) this.fail("Expecting 'by'");
      for (;;) {
        const field = this.value('a field name').toLowerCase();
        const descending = this.keyword('DESC');
        if (!descending) this.keyword('ASC');
        orderBy.push({ field, direction: descending ? 'desc' : 'asc' });
        if (this.peek()?.text !== ',') break;
        this.i++;
      }
    }
    if (this.peek()) this.fail("Expecting either 'OR' or 'AND'");
    return { where, orderBy };
  }

  private or(): Expr {
    let left = this.and();
    while (this.keyword('OR')) left = { kind: 'or', left, right: this.and() };
    return left;
  }
  private and(): Expr {
    let left = this.unary();
    while (this.keyword('AND')) left = { kind: 'and', left, right: this.unary() };
    return left;
  }
  private unary(): Expr {
    if (this.keyword('NOT')) return { kind: 'not', expr: this.unary() };
    if (this.peek()?.text === '(') {
      this.i++;
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    return this.clause();
  }
  private value(what: string): string {
    const t = this.peek();
    if (!t || (t.type !== 'word' && t.type !== 'string')) this.fail(`Expecting ${what}`);
    this.i++;
    return t.text;
  }
  private clause(): Expr {
    const field = this.value('a field name').toLowerCase();
    if (this.keyword('IS')) {
      const negated = this.keyword('NOT');
      if (!this.keyword('EMPTY') && !this.keyword('NULL')) this.fail("Expecting 'EMPTY'");
      return { kind: 'empty', field, negated };
    }
    const negated = this.keyword('NOT');
    if (this.keyword('IN')) {
      this.expect('(');
      const values = [this.value('a value')];
      while (this.peek()?.text === ',') { this.i++; values.push(this.value('a value')); }
      this.expect(')');
      return { kind: 'in', field, negated, values };
    }
    if (negated) this.fail("Expecting 'IN'");
    const op = this.peek();
    if (op?.type !== 'op') this.fail('Expecting operator');
    this.i++;
    return { kind: 'compare', field, op: op.text as Operator, value: this.value('a value') };
  }
}

export function parseJql(jql: string): Jql {
  return new Parser(tokenize(jql)).parse();
}
