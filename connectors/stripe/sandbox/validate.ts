/**
 * Parameter checks shared by the write endpoints, worded as Stripe words them: unknown
 * parameters are named, `''` unsets a value, metadata is a hash of short strings
 * (docs.stripe.com/metadata: 50 keys, keys up to 40 characters, values up to 500).
 */
import { invalidRequest, unknownParameter } from './errors.js';
import type { FormValue, Params } from './form.js';

export function onlyKnown(params: Params, allowed: readonly string[]): void {
  for (const key of Object.keys(params)) if (key !== 'expand' && !allowed.includes(key)) throw unknownParameter(key);
}

/** A string param; `''` is null (Stripe's way of unsetting), absent is undefined. */
export function text(params: Params, name: string, max = 5000): string | null | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidRequest(`Invalid string: ${JSON.stringify(value)}`, { code: 'parameter_invalid_string', param: name });
  if (value.length > max) throw invalidRequest(`Invalid string: ${value.slice(0, 40)}...; must be at most ${max} characters`, { code: 'parameter_invalid_string', param: name });
  return value === '' ? null : value;
}

export function integerParam(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) throw invalidRequest(`Invalid integer: ${String(value)}`, { code: 'parameter_invalid_integer', param: name });
  return Number(value);
}

/** Merges a metadata param into the current hash: `metadata[k]=` removes k, `metadata=` clears all. */
export function mergeMetadata(current: Record<string, string>, value: FormValue | undefined): Record<string, string> {
  if (value === undefined) return current;
  if (value === '') return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidRequest('Invalid object', { code: 'parameter_invalid_string', param: 'metadata' });
  const next = { ...current };
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw invalidRequest('Invalid metadata: metadata values must be strings', { param: `metadata[${key}]` });
    if (key.length > 40) throw invalidRequest(`Metadata keys can have up to 40 characters, but you passed in a key that is ${key.length} characters. Invalid key: ${key}`, { param: 'metadata' });
    if (v.length > 500) throw invalidRequest(`Metadata values can have up to 500 characters, but you passed in a value that is ${v.length} characters. Invalid value: ${v.slice(0, 40)}...`, { param: `metadata[${key}]` });
    if (v === '') delete next[key];
    else next[key] = v;
  }
  if (Object.keys(next).length > 50) throw invalidRequest(`Invalid metadata: metadata can have up to 50 keys, but you passed in ${Object.keys(next).length} keys.`, { param: 'metadata' });
  return next;
}

/** A hash param with known keys (`address[line1]`); `''` unsets it. */
export function hash(params: Params, name: string, keys: readonly string[]): Record<string, string | null> | null | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === '') return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidRequest('Invalid object', { code: 'parameter_invalid_string', param: name });
  const out: Record<string, string | null> = Object.fromEntries(keys.map((k) => [k, null]));
  for (const [key, v] of Object.entries(value)) {
    if (!keys.includes(key)) throw unknownParameter(`${name}[${key}]`);
    if (typeof v !== 'string') throw invalidRequest('Invalid string', { code: 'parameter_invalid_string', param: `${name}[${key}]` });
    out[key] = v === '' ? null : v;
  }
  return out;
}

/** Stripe refuses an address it cannot read as one: `Invalid email address: …` (code email_invalid). */
export function email(params: Params, name = 'email'): string | null | undefined {
  const value = text(params, name, 512);
  if (value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw invalidRequest(`Invalid email address: ${value}`, { code: 'email_invalid', param: name });
  return value;
}
