/**
 * Oracle datetime format models, the part SuiteQL's TO_CHAR, TO_TIMESTAMP and TO_DATE need here:
 * YYYY, MM, DD, HH24, MI, SS, punctuation and "quoted text". The stand-in's session time zone is
 * UTC (an integration user whose time zone preference is GMT, as the guide recommends).
 *
 * A datetime selected without TO_CHAR comes out in the user's date format without its time
 * (`1/15/2024` for the default M/D/YYYY), as integrators widely report; hence TO_CHAR.
 */
import { suiteqlError } from '../errors.js';

type Part = { field: 'YYYY' | 'MM' | 'DD' | 'HH24' | 'MI' | 'SS' } | { literal: string };

const FIELDS = ['YYYY', 'HH24', 'MM', 'DD', 'MI', 'SS'] as const;

const compiled = new Map<string, Part[]>();

function compile(model: string): Part[] {
  const known = compiled.get(model);
  if (known) return known;
  const parts: Part[] = [];
  let i = 0;
  while (i < model.length) {
    if (model[i] === '"') {
      const end = model.indexOf('"', i + 1);
      if (end < 0) throw suiteqlError(`unterminated quoted text in the format model '${model}'`);
      parts.push({ literal: model.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const field = FIELDS.find((f) => model.slice(i, i + f.length).toUpperCase() === f);
    if (field) { parts.push({ field }); i += field.length; continue; }
    if (!/[-/:., ]/.test(model[i]!)) throw suiteqlError(`the format model '${model}' is not supported here`);
    parts.push({ literal: model[i]! });
    i++;
  }
  if (compiled.size < 100) compiled.set(model, parts);
  return parts;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatDate(ms: number, model: string): string {
  const d = new Date(ms);
  const values = { YYYY: pad(d.getUTCFullYear(), 4), MM: pad(d.getUTCMonth() + 1), DD: pad(d.getUTCDate()), HH24: pad(d.getUTCHours()), MI: pad(d.getUTCMinutes()), SS: pad(d.getUTCSeconds()) };
  return compile(model).map((p) => ('literal' in p ? p.literal : values[p.field])).join('');
}

/** Text to epoch ms by the model; Oracle's "literal does not match format string" otherwise. */
export function parseDate(text: string, model: string): number {
  const values: Record<string, number> = { YYYY: 1970, MM: 1, DD: 1, HH24: 0, MI: 0, SS: 0 };
  let i = 0;
  for (const part of compile(model)) {
    if ('literal' in part) {
      if (text.slice(i, i + part.literal.length) !== part.literal) throw suiteqlError(`literal '${text}' does not match the format model '${model}'`);
      i += part.literal.length;
      continue;
    }
    const digits = /^\d+/.exec(text.slice(i))?.[0].slice(0, part.field === 'YYYY' ? 4 : 2);
    if (!digits) throw suiteqlError(`literal '${text}' does not match the format model '${model}'`);
    values[part.field] = Number(digits);
    i += digits.length;
  }
  if (i !== text.length) throw suiteqlError(`literal '${text}' does not match the format model '${model}'`);
  const ms = Date.UTC(values.YYYY!, values.MM! - 1, values.DD!, values.HH24!, values.MI!, values.SS!);
  if (Number.isNaN(ms) || new Date(ms).getUTCDate() !== values.DD) throw suiteqlError(`'${text}' is not a valid date`);
  return ms;
}

/** What a datetime or date column shows without TO_CHAR: the date alone, M/D/YYYY. */
export function defaultDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
}
