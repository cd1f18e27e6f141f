/**
 * Field definitions (data in a connector definition) → a zod schema that validates what a
 * person submits, and → the JSON Schema a form is drawn from. One source for both.
 */
import { z } from 'zod';

export const FIELD_TYPES = ['text', 'password', 'textarea', 'select', 'number'] as const;

export const fieldSchema = z.object({
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be an identifier (letters, digits, _)'),
  label: z.string().min(1),
  type: z.enum(FIELD_TYPES),
  required: z.boolean().default(false),
  /** Write-only: stored encrypted, never returned, never logged. Password fields are always secret. */
  secret: z.boolean().default(false),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  default: z.union([z.string(), z.number()]).optional(),
  placeholder: z.string().optional(),
  help: z.string().optional(),
  /** A regular expression the value must match (e.g. a subdomain). */
  pattern: z.string().optional(),
}).superRefine((field, ctx) => {
  if (field.type === 'select' && !field.options?.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a select field needs options' });
  if (field.type === 'password' && !field.secret) ctx.addIssue({ code: 'custom', path: ['secret'], message: 'a password field must be secret' });
  if (field.pattern !== undefined) {
    try { new RegExp(field.pattern); } catch { ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'not a valid regular expression' }); }
  }
});

export type FieldDefinition = z.output<typeof fieldSchema>;
export type FieldInput = z.input<typeof fieldSchema>;

function valueSchema(field: FieldDefinition): z.ZodType {
  const meta = {
    title: field.label,
    ...(field.help ? { description: field.help } : {}),
    ...(field.secret ? { writeOnly: true } : {}),
    'x-widget': field.type,
    ...(field.placeholder ? { 'x-placeholder': field.placeholder } : {}),
  };
  if (field.type === 'number') {
    const base = z.coerce.number({ error: `${field.label} must be a number` });
    return (field.default !== undefined ? base.default(Number(field.default)) : base).meta(meta);
  }
  if (field.type === 'select') {
    const values = field.options!.map((o) => o.value) as [string, ...string[]];
    return z.enum(values, { error: `${field.label} must be one of ${values.join(', ')}` }).meta(meta);
  }
  let base = z.string().trim();
  if (field.required) base = base.min(1, `${field.label} is required`);
  if (field.pattern) base = base.regex(new RegExp(field.pattern), `${field.label} has the wrong format`);
  return (field.default !== undefined ? base.default(String(field.default)) : base).meta(meta);
}

/** The zod schema of a form made of these fields. Unknown keys are refused, naming them. */
export function fieldsToZod(fields: FieldDefinition[]): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) shape[field.name] = field.required ? valueSchema(field) : valueSchema(field).optional();
  return z.strictObject(shape);
}

/** The JSON Schema a form is drawn from (draft 2020-12). */
export function fieldsToJsonSchema(fields: FieldDefinition[]): Record<string, unknown> {
  return z.toJSONSchema(fieldsToZod(fields), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

export function secretFieldNames(fields: FieldDefinition[]): string[] {
  return fields.filter((f) => f.secret).map((f) => f.name);
}
