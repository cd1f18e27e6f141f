import { Field } from '../components/Field.js';
import type { FormField } from './schema.js';

/** One field of a generated form, drawn by its widget. */
export function SchemaField({ field, value, error, onChange, id, disabled }: {
  field: FormField;
  value: string;
  error?: string;
  onChange(value: string): void;
  id: string;
  disabled?: boolean;
}) {
  const common = { name: field.name, value, disabled, onChange: (e: { target: { value: string } }) => onChange(e.target.value) };
  let control;
  switch (field.widget) {
    case 'textarea':
      control = <textarea {...common} rows={4} placeholder={field.placeholder} spellCheck={false} autoComplete="off" className={field.secret ? 'secret-text' : undefined} />;
      break;
    case 'select':
      control = (
        <select {...common}>
          {!field.required || !value ? <option value="">— choose —</option> : null}
          {field.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      );
      break;
    case 'number':
      control = <input {...common} type="number" inputMode="decimal" placeholder={field.placeholder} />;
      break;
    case 'password':
      control = <input {...common} type="password" autoComplete="new-password" spellCheck={false} placeholder={field.placeholder} />;
      break;
    default:
      control = <input {...common} type={field.secret ? 'password' : 'text'} placeholder={field.placeholder} spellCheck={false} autoComplete="off" />;
  }
  const help = [field.help, field.secret ? 'Stored encrypted; never shown again.' : undefined].filter(Boolean).join(' ');
  return <Field id={id} label={field.label} required={field.required} help={help || undefined} error={error}>{control}</Field>;
}
