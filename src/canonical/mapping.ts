/**
 * Field mappings: how a vendor record becomes a canonical one (and, for loads, the reverse).
 * Data, so a tenant can override a connector's default mapping per connection.
 */
import { z } from 'zod';
import type { FieldError } from '../core/errors.js';

export const TRANSFORMS = ['none', 'lowercase', 'uppercase', 'trim', 'date', 'number', 'boolean'] as const;
export type Transform = (typeof TRANSFORMS)[number];

export const fieldMappingSchema = z.object({
  /** Canonical field (`email`, `properties.plan`). */
  target: z.string().min(1),
  /** Dotted path in the vendor record (`properties.email`, `address.city`). */
  source: z.string().min(1),
  /** @default 'none' */
  transform: z.enum(TRANSFORMS).default('none'),
  /** Vendor value → canonical value, applied after the transform. */
  valueMap: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});

export const mappingSchema = z.array(fieldMappingSchema);
export type FieldMapping = z.output<typeof fieldMappingSchema>;
export type Mapping = FieldMapping[];

export function getPath(record: unknown, path: string): unknown {
  // A key that itself holds dots (OData's `@odata.nextLink`, `…@OData.Community.Display.V1.FormattedValue`) wins.
  if (record !== null && typeof record === 'object' && Object.hasOwn(record, path)) return (record as Record<string, unknown>)[path];
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function setPath(record: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = record;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

class TransformError extends Error {}

const TRUE = new Set(['true', '1', 'yes', 'y', 'on']);
const FALSE = new Set(['false', '0', 'no', 'n', 'off']);

export function applyTransform(value: unknown, transform: Transform): unknown {
  if (value === undefined || value === null || value === '') return transform === 'none' ? value : undefined;
  switch (transform) {
    case 'none': return value;
    case 'lowercase': return String(value).toLowerCase();
    case 'uppercase': return String(value).toUpperCase();
    case 'trim': return String(value).trim();
    case 'number': {
      const n = typeof value === 'number' ? value : Number(String(value).replace(/,/g, '').trim());
      if (!Number.isFinite(n)) throw new TransformError(`"${String(value)}" is not a number`);
      return n;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const text = String(value).trim().toLowerCase();
      if (TRUE.has(text)) return true;
      if (FALSE.has(text)) return false;
      throw new TransformError(`"${String(value)}" is not a boolean`);
    }
    case 'date': {
      // Vendors send ISO strings, epoch seconds (Stripe) or epoch milliseconds (HubSpot v1).
      const date = typeof value === 'number' ? new Date(value < 1e11 ? value * 1000 : value)
        : /^\d+$/.test(String(value)) ? new Date(Number(value) < 1e11 ? Number(value) * 1000 : Number(value)) : new Date(String(value));
      if (Number.isNaN(date.getTime())) throw new TransformError(`"${String(value)}" is not a date`);
      return date.toISOString();
    }
  }
}

export interface MappingResult {
  record: Record<string, unknown>;
  errors: FieldError[];
}

/** Applies a mapping; a value that fails its transform is named, not silently dropped. */
export function applyMapping(source: Record<string, unknown>, mapping: Mapping): MappingResult {
  const record: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const field of mapping) {
    try {
      let value = applyTransform(getPath(source, field.source), field.transform);
      if (field.valueMap && value !== undefined && value !== null && String(value) in field.valueMap) value = field.valueMap[String(value)];
      if (value !== undefined && value !== null && value !== '') setPath(record, field.target, value);
    } catch (error) {
      if (!(error instanceof TransformError)) throw error;
      errors.push({ field: field.source, message: error.message });
    }
  }
  return { record, errors };
}
