/**
 * SuiteQL values and the operations on them: text, numbers, datetimes (`{ at }`, epoch ms to the
 * second, as Oracle DATE keeps them) or null. Comparisons follow Oracle: NULL matches nothing, a
 * number compares with numeric text as a number, text compares byte-wise (case-sensitive), a date
 * compares only with a date. The functions are the few SuiteQL ones the stand-in runs.
 */
import { suiteqlError } from '../errors.js';
import { defaultDate, formatDate, parseDate } from './format.js';

export type Value = string | number | { at: number } | null;
export type Row = Record<string, Value>;

export interface Table {
  name: string;
  columns: ReadonlySet<string>;
  rows: readonly Row[];
}

export const isTime = (v: Value): v is { at: number } => typeof v === 'object' && v !== null;

export function compare(a: Value, b: Value): number | null {
  if (a === null || b === null) return null;
  if (isTime(a) || isTime(b)) {
    if (!isTime(a) || !isTime(b)) throw suiteqlError('inconsistent datatypes: compare a date with TO_DATE or TO_TIMESTAMP, not with text');
    return a.at - b.at;
  }
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    if (Number.isNaN(x) || Number.isNaN(y)) throw suiteqlError(`invalid number in a comparison of '${a}' with '${b}'`);
    return x - y;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export function likeToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${body}$`, 's');
}

export function call(name: string, args: Value[]): Value {
  const [first, second] = args;
  if (first === null || first === undefined) return null;
  switch (name) {
    case 'lower': return String(isTime(first) ? defaultDate(first.at) : first).toLowerCase();
    case 'upper': return String(isTime(first) ? defaultDate(first.at) : first).toUpperCase();
    case 'to_char':
      if (isTime(first)) return typeof second === 'string' ? formatDate(first.at, second) : defaultDate(first.at);
      return String(first);
    case 'to_timestamp':
    case 'to_date':
      if (isTime(first)) return first;
      if (typeof second !== 'string') throw suiteqlError(`${name.toUpperCase()} needs a format model here`);
      return { at: parseDate(String(first), second) };
    default:
      throw suiteqlError(`unsupported function ${name.toUpperCase()}`);
  }
}
