/**
 * What the attribute checks (validate-user.ts, validate-organization.ts) share. Refusals are
 * Zendesk's: `details` keyed by attribute, each a list of `{ description, error }` whose
 * description starts with the attribute's label ("Email: … is not properly formatted").
 * Unknown attributes are ignored, as Zendesk ignores them.
 */
export type Details = Record<string, Array<{ description: string; error: string }>>;
export type Checked<T> = { ok: true; data: T } | { ok: false; details: Details };

export const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
export const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : []);
export const id = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(v));

export function add(details: Details, field: string, description: string, error: string): void {
  (details[field] ??= []).push({ description, error });
}

export function picked(input: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([k]) => keys.includes(k)));
}

/** A job result's `details`: Zendesk flattens the descriptions into one sentence string. */
export function detailsText(details: Details): string {
  return Object.values(details).flat().map((d) => d.description).join(', ');
}
