/**
 * The catalogue's JSON Schemas (drawn from each connector's field definitions) read as form
 * fields, checked in the browser the way the API checks them, and turned back into a payload.
 * Nothing here knows any connector.
 */
import type { JsonSchema } from '../types.js';

export type Widget = 'text' | 'password' | 'textarea' | 'select' | 'number';

export interface FormField {
  name: string;
  label: string;
  widget: Widget;
  required: boolean;
  /** writeOnly: stored encrypted and never shown again, so drawn as a masked input. */
  secret: boolean;
  help?: string;
  placeholder?: string;
  options: Array<{ value: string; label: string }>;
  defaultValue?: string;
  pattern?: string;
}

const WIDGETS: Widget[] = ['text', 'password', 'textarea', 'select', 'number'];

function optionsOf(schema: JsonSchema): FormField['options'] {
  if (schema['x-options']) return schema['x-options'];
  const choices = schema.oneOf ?? schema.anyOf;
  if (choices?.every((c) => c.const !== undefined)) return choices.map((c) => ({ value: String(c.const), label: c.title ?? String(c.const) }));
  return (schema.enum ?? []).map((v) => ({ value: String(v), label: String(v) }));
}

function widgetOf(schema: JsonSchema, options: FormField['options']): Widget {
  const declared = schema['x-widget'];
  if (declared && WIDGETS.includes(declared)) return declared === 'text' && schema.writeOnly ? 'password' : declared;
  if (schema.writeOnly) return 'password';
  if (options.length > 0) return 'select';
  const type = Array.isArray(schema.type) ? schema.type : [schema.type];
  return type.includes('number') || type.includes('integer') ? 'number' : 'text';
}

export function fieldsOf(schema: JsonSchema | undefined): FormField[] {
  const required = new Set(schema?.required ?? []);
  return Object.entries(schema?.properties ?? {}).map(([name, property]) => {
    const options = optionsOf(property);
    return {
      name,
      label: property.title ?? name,
      widget: widgetOf(property, options),
      required: required.has(name),
      secret: Boolean(property.writeOnly),
      help: property.description,
      placeholder: property['x-placeholder'],
      options,
      defaultValue: property.default === undefined ? undefined : String(property.default),
      pattern: property.pattern,
    };
  });
}

export type FormValues = Record<string, string>;

export function initialValues(fields: FormField[]): FormValues {
  return Object.fromEntries(fields.map((f) => [f.name, f.defaultValue ?? (f.widget === 'select' && f.required ? f.options[0]?.value ?? '' : '')]));
}

/** The errors the API would name, found before the round trip. */
export function validate(fields: FormField[], values: FormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = (values[field.name] ?? '').trim();
    if (!value) {
      if (field.required) errors[field.name] = `${field.label} is required`;
      continue;
    }
    if (field.widget === 'number' && !Number.isFinite(Number(value))) errors[field.name] = `${field.label} must be a number`;
    else if (field.pattern && !new RegExp(field.pattern).test(value)) errors[field.name] = `${field.label} has the wrong format`;
    else if (field.widget === 'select' && field.options.length > 0 && !field.options.some((o) => o.value === value)) errors[field.name] = `${field.label} must be one of the listed values`;
  }
  return errors;
}

/** Empty optional fields are left out (the API applies defaults); numbers are sent as numbers. */
export function toPayload(fields: FormField[], values: FormValues): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = values[field.name] ?? '';
    const value = field.secret ? raw : raw.trim();
    if (value === '') continue;
    payload[field.name] = field.widget === 'number' ? Number(value) : value;
  }
  return payload;
}
