/**
 * Zendesk keeps one `name` per user. Canonical people have a first and a last name, so the
 * source adds them under `_derived` (computed here, never sent by Zendesk): the first word is
 * the first name, the rest the last name ("Mary Ann Evans" → "Mary" + "Ann Evans"). Writes go the
 * other way: a `name` is composed from the parts when a load gives only those.
 */
export interface NameParts {
  first_name?: string;
  last_name?: string;
}

export function splitName(name: unknown): NameParts {
  if (typeof name !== 'string') return {};
  const [first, ...rest] = name.trim().split(/\s+/).filter(Boolean);
  if (first === undefined) return {};
  return rest.length > 0 ? { first_name: first, last_name: rest.join(' ') } : { first_name: first };
}

export function joinName(parts: unknown): string | undefined {
  if (!parts || typeof parts !== 'object') return undefined;
  const { first_name: first, last_name: last } = parts as NameParts;
  const joined = [first, last].filter((p) => typeof p === 'string' && p.trim()).join(' ').trim();
  return joined || undefined;
}
