/**
 * Tokens of the SuiteQL subset the stand-in understands (Oracle SQL syntax, which NetSuite
 * recommends over SQL-92: docs.oracle.com … section_156257790831). Identifiers are
 * case-insensitive and come out lower-cased; string literals keep their case, `''` is a quote.
 * Double-quoted text is only meaningful inside date format models, so it is a string here too.
 */
import { suiteqlError } from '../errors.js';

export type Token =
  | { kind: 'ident'; value: string; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: 'op'; value: string; at: number }
  | { kind: 'end'; value: ''; at: number };

const OPERATORS = ['<>', '!=', '<=', '>=', '=', '<', '>', '(', ')', ',', '.', '*'];

function readQuoted(text: string, start: number, quote: string): [string, number] {
  let value = '';
  let i = start + 1;
  for (;;) {
    if (i >= text.length) throw suiteqlError(`unterminated ${quote === "'" ? 'string literal' : 'quoted text'} at position ${start + 1}`);
    if (text[i] === quote) {
      if (text[i + 1] === quote) { value += quote; i += 2; continue; }
      return [value, i + 1];
    }
    value += text[i];
    i++;
  }
}

export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) { i++; continue; }
    if (ch === "'" || ch === '"') {
      const [value, next] = readQuoted(text, i, ch);
      tokens.push({ kind: 'string', value, at: i });
      i = next;
      continue;
    }
    const number = /^\d+(\.\d+)?/.exec(text.slice(i));
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_$#]*/.exec(text.slice(i));
    if (word) {
      tokens.push({ kind: 'ident', value: word[0].toLowerCase(), at: i });
      i += word[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) throw suiteqlError(`unexpected character '${ch}' at position ${i + 1}`);
    tokens.push({ kind: 'op', value: op, at: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', value: '', at: text.length });
  return tokens;
}
