/**
 * Building SOQL text. Strings are quoted with backslash escapes; dateTimes are written to the
 * second in the documented `YYYY-MM-DDThh:mm:ssZ` form (Salesforce keeps them to the second),
 * floored, so a lower bound can only read more, never less.
 */
const ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '"': '\\"' };

export function quote(value: string): string {
  return `'${value.replace(/[\\'\n\r\t\b\f"]/g, (c) => ESCAPES[c]!)}'`;
}

/** A SOQL dateTime literal, floored to the second. */
export function soqlDatetime(iso: string | number): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Salesforce's `2024-01-15T10:20:30.000+0000` as ISO 8601 (`…Z`); other text as it is. */
export function isoFromSalesforce(value: string): string {
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

export interface SelectOptions {
  type: string;
  fields: readonly string[];
  where?: string[];
  orderBy?: string;
  limit?: number;
}

export function select(options: SelectOptions): string {
  const where = options.where && options.where.length > 0 ? ` WHERE ${options.where.map((c) => (options.where!.length > 1 ? `(${c})` : c)).join(' AND ')}` : '';
  const order = options.orderBy ? ` ORDER BY ${options.orderBy}` : '';
  const limit = options.limit !== undefined ? ` LIMIT ${options.limit}` : '';
  return `SELECT ${options.fields.join(', ')} FROM ${options.type}${where}${order}${limit}`;
}
