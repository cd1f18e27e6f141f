/**
 * Stripe keeps one `name` per customer. Canonical people have a first and a last name, so the
 * connector adds them under `_derived` (computed here, never sent by Stripe): the first word is
 * the first name, the rest the last name ("Mary Ann Evans" → "Mary" + "Ann Evans"); a single
 * word is a first name only. Writes go the other way: a `name` is composed when only the parts
 * are given.
 */
export interface NameParts {
  first_name?: string;
  last_name?: string;
}

export function splitName(name: unknown): NameParts {
  if (typeof name !== 'string') return {};
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return {};
  const [first, ...rest] = words;
  return rest.length > 0 ? { first_name: first, last_name: rest.join(' ') } : { first_name: first };
}

export function joinName(parts: NameParts | undefined): string | undefined {
  const joined = [parts?.first_name, parts?.last_name].filter((p) => typeof p === 'string' && p.trim()).join(' ').trim();
  return joined || undefined;
}

/** The record the platform sees: Stripe's customer plus the derived name parts. */
export function withDerivedName<T extends Record<string, unknown>>(customer: T): T & { _derived: NameParts } {
  return { ...customer, _derived: splitName(customer.name) };
}
