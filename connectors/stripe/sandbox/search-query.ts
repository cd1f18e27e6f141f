/**
 * Stripe's search query language (docs.stripe.com/search#search-query-language): clauses
 * `field:value` (exact), `field~value` (substring, 3+ characters), `field>value` and friends for
 * numbers, `-` to negate, `metadata['key']:'value'`, joined by spaces or AND, or by OR (never
 * both). Strings are quoted with ' or ", a quote inside escaped with a backslash.
 */
import { invalidRequest } from './errors.js';

export type Operator = ':' | '~' | '>' | '<' | '>=' | '<=';

export interface Clause {
  negate: boolean;
  field: string;
  /** For `metadata['key']`. */
  key?: string;
  op: Operator;
  value: string | null;
  quoted: boolean;
}

export interface SearchQuery {
  clauses: Clause[];
  join: 'AND' | 'OR';
}

const bad = (message: string) => invalidRequest(message, { param: 'query' });

function readQuoted(text: string, start: number): { value: string; end: number } {
  const quote = text[start];
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && i + 1 < text.length) value += text[++i];
    else if (ch === quote) return { value, end: i + 1 };
    else value += ch;
  }
  throw bad(`Unterminated string in search query: ${text.slice(start)}`);
}

export function parseSearchQuery(text: string | undefined): SearchQuery {
  if (!text || !text.trim()) throw invalidRequest('Missing required param: query.', { code: 'parameter_missing', param: 'query' });
  const clauses: Clause[] = [];
  const joins = new Set<'AND' | 'OR'>();
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) { i++; continue; }
    const word = /^(AND|OR)(?=\s)/i.exec(text.slice(i));
    if (word && clauses.length > 0) {
      joins.add(word[1]!.toUpperCase() as 'AND' | 'OR');
      i += word[0].length;
      continue;
    }
    const negate = text[i] === '-';
    if (negate) i++;
    const head = /^(metadata\[(['"])(.*?)\2\]|[a-z_][a-z0-9_.]*)(>=|<=|:|~|>|<)/i.exec(text.slice(i));
    if (!head) throw bad(`Invalid search query near: ${text.slice(i, i + 30)}`);
    i += head[0].length;
    const field = head[3] !== undefined ? 'metadata' : head[1]!;
    let value: string;
    let quoted = false;
    if (text[i] === '"' || text[i] === "'") {
      const read = readQuoted(text, i);
      [value, i, quoted] = [read.value, read.end, true];
    } else {
      const bare = /^[^\s]*/.exec(text.slice(i))![0];
      [value, i] = [bare, i + bare.length];
    }
    clauses.push({ negate, field, key: head[3], op: head[4] as Operator, value: !quoted && value === 'null' ? null : value, quoted });
  }
  if (joins.size > 1) throw bad('Search queries cannot combine AND and OR.');
  if (clauses.length === 0) throw bad('Search query is empty.');
  return { clauses, join: joins.has('OR') ? 'OR' : 'AND' };
}
