/**
 * SOQL's tokens: keywords and names, string literals with backslash escapes, numbers, date and
 * dateTime literals (unquoted, as SOQL writes them), operators and punctuation. An unknown
 * character is MALFORMED_QUERY at its column, as Salesforce reports it.
 */
import { queryError } from './errors.js';

export type Literal =
  | { kind: 'string'; value: string } | { kind: 'number'; value: number } | { kind: 'boolean'; value: boolean } | { kind: 'null' }
  | { kind: 'datetime'; value: number } | { kind: 'date'; value: string };

export interface Token { type: 'word' | 'literal' | 'op' | 'punct' | 'end'; text: string; literal?: Literal; column: number }

const PATTERNS: Array<[RegExp, (m: string) => Omit<Token, 'column'>]> = [
  [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})/, (m) => ({ type: 'literal', text: m, literal: { kind: 'datetime', value: Date.parse(m) } })],
  [/^\d{4}-\d{2}-\d{2}(?![\d:T])/, (m) => ({ type: 'literal', text: m, literal: { kind: 'date', value: m } })],
  [/^-?\d+(\.\d+)?/, (m) => ({ type: 'literal', text: m, literal: { kind: 'number', value: Number(m) } })],
  [/^'(?:[^'\\]|\\.)*'/, (m) => ({ type: 'literal', text: m, literal: { kind: 'string', value: m.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c] ?? c) } })],
  [/^(<=|>=|!=|<>|=|<|>)/, (m) => ({ type: 'op', text: m === '<>' ? '!=' : m })],
  [/^[(),]/, (m) => ({ type: 'punct', text: m })],
  [/^[A-Za-z_][A-Za-z0-9_.]*/, (m) => ({ type: 'word', text: m })],
];

export function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < soql.length) {
    if (/\s/.test(soql[i]!)) { i++; continue; }
    const rest = soql.slice(i);
    const hit = PATTERNS.map(([re, make]) => [re.exec(rest), make] as const).find(([m]) => m);
    if (!hit) throw queryError('MALFORMED_QUERY', soql, i + 1, `unexpected token: '${rest.split(/\s/)[0]}'`);
    const [match, make] = hit;
    tokens.push({ ...make(match![0]), column: i + 1 });
    i += match![0].length;
  }
  tokens.push({ type: 'end', text: '<EOF>', column: soql.length + 1 });
  return tokens;
}

