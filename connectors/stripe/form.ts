/**
 * Stripe takes form bodies with bracket nesting (`metadata[plan]=pro`,
 * `address[line1]=…`, `preferred_locales[0]=en`), the encoding its SDKs use. `null` is sent as
 * `''`, which Stripe reads as "unset"; an empty hash clears it (`metadata=` drops every key).
 */
export function toStripeForm(params: Record<string, unknown>): URLSearchParams {
  const form = new URLSearchParams();
  const add = (key: string, value: unknown): void => {
    if (value === undefined) return;
    if (value === null) {
      form.append(key, '');
    } else if (value instanceof Date) {
      form.append(key, String(Math.floor(value.getTime() / 1000)));
    } else if (Array.isArray(value)) {
      if (value.length === 0) form.append(key, '');
      value.forEach((item, i) => add(`${key}[${i}]`, item));
    } else if (typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) form.append(key, '');
      for (const [name, item] of entries) add(`${key}[${name}]`, item);
    } else {
      form.append(key, String(value));
    }
  };
  for (const [key, value] of Object.entries(params)) add(key, value);
  return form;
}

/**
 * A string for Stripe's search query language: quoted, with quotes and backslashes escaped
 * (docs.stripe.com/search#search-query-language), e.g. `email:'o\'brien@example.com'`.
 */
export function searchString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
