/**
 * What HubSpot checks on a property write before anything is stored, and how it stores values:
 * every property value is a string, an empty string clears the property, emails are kept
 * lower-cased (HubSpot's own normalisation, which is why a verify must compare them case-blind).
 */
import type { PropertyProblem } from './errors.js';
import { isReadOnly, type ObjectSpec } from './objects.js';

// HubSpot's check is looser than RFC 5322 and stricter than "has an @": a dot in the domain.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(';');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The input a lenient object (notes) keeps: writable properties only. */
export function acceptedInput(spec: ObjectSpec, input: Record<string, unknown>): Record<string, unknown> {
  return spec.strict ? input : Object.fromEntries(Object.entries(input).filter(([name]) => spec.writable.has(name)));
}

/** Every refused property of one input, in HubSpot's words. */
export function problemsIn(spec: ObjectSpec, given: Record<string, unknown>): PropertyProblem[] {
  const problems: PropertyProblem[] = [];
  const input = acceptedInput(spec, given);
  for (const [name, raw] of Object.entries(input)) {
    const value = text(raw).trim();
    if (isReadOnly(spec, name)) {
      problems.push({ name, error: 'READ_ONLY_VALUE', message: `${name} is a read only property; its value cannot be set.` });
    } else if (!spec.writable.has(name)) {
      problems.push({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
    } else if (name === 'email' && value !== '' && !EMAIL.test(value)) {
      problems.push({ name, error: 'INVALID_EMAIL', message: `Email address ${value} is invalid` });
    } else if (spec.numbers.has(name) && value !== '' && !Number.isFinite(Number(value))) {
      problems.push({ name, error: spec.numbers.get(name)!, message: `${name} was not a valid number` });
    }
  }
  return problems;
}

/** The stored form: strings, emails lower-cased; `''` (or null) means "clear this property". */
export function storedValues(input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(input)) {
    const value = text(raw);
    out[name] = name === 'email' ? value.trim().toLowerCase() : value;
  }
  return out;
}

/** Applies stored values over current ones; an empty value removes the property. */
export function applyValues(current: Record<string, string>, values: Record<string, string>): Record<string, string> {
  const next = { ...current };
  for (const [name, value] of Object.entries(values)) {
    if (value === '') delete next[name];
    else next[name] = value;
  }
  return next;
}
