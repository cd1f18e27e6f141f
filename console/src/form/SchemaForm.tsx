import { SchemaField } from './SchemaField.js';
import type { FormField, FormValues } from './schema.js';

/**
 * The one form renderer: fields drawn from a connector's JSON Schema, errors (from the browser
 * check or the API's `fields`) beside each field. No connector has UI code of its own.
 */
export function SchemaForm({ fields, values, errors, onChange, idPrefix, disabled }: {
  fields: FormField[];
  values: FormValues;
  errors: Record<string, string>;
  onChange(values: FormValues): void;
  idPrefix: string;
  disabled?: boolean;
}) {
  if (fields.length === 0) return null;
  return (
    <>
      {fields.map((field) => (
        <SchemaField
          key={field.name}
          id={`${idPrefix}-${field.name}`}
          field={field}
          value={values[field.name] ?? ''}
          error={errors[field.name]}
          disabled={disabled}
          onChange={(value) => onChange({ ...values, [field.name]: value })}
        />
      ))}
    </>
  );
}
