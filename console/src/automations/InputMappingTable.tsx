import type { Transform } from '../types.js';

const TRANSFORMS: Transform[] = ['none', 'lowercase', 'uppercase', 'trim', 'date', 'number', 'boolean'];

export interface MappingRow {
  target: string;
  source: string;
  transform: Transform;
  required: boolean;
  /** False for a target the chosen action does not declare (kept from an earlier mapping). */
  declared: boolean;
}

/** One row per action input: which event field fills it, and how it is transformed. */
export function InputMappingTable({ rows, onChange, errors, suggestions, disabled }: {
  rows: MappingRow[];
  onChange(target: string, patch: Partial<Pick<MappingRow, 'source' | 'transform'>>): void;
  /** By target. */
  errors: Record<string, string>;
  suggestions: string[];
  disabled?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="table table-form">
        <caption className="sr-only">Inputs of the action and the event fields that fill them</caption>
        <thead>
          <tr><th scope="col">Action input</th><th scope="col">Source field in the event</th><th scope="col">Transform</th></tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const id = `mapping-${row.target}`;
            const error = errors[row.target];
            return (
              <tr key={row.target}>
                <td>
                  <code>{row.target}</code>
                  {row.required ? <span className="required" aria-hidden="true"> *</span> : null}
                  {row.declared ? null : <div className="muted small">not an input of this action</div>}
                </td>
                <td>
                  <input id={id} className="input-mono" value={row.source} list="automation-sources" placeholder={row.required ? 'required' : 'not mapped'}
                    aria-label={`Source field for ${row.target}`} aria-required={row.required || undefined} aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined} disabled={disabled} autoComplete="off" spellCheck={false}
                    onChange={(e) => onChange(row.target, { source: e.target.value })} />
                  {error ? <p className="field-error" id={`${id}-error`}>{error}</p> : null}
                </td>
                <td>
                  <select aria-label={`Transform for ${row.target}`} value={row.transform} disabled={disabled} onChange={(e) => onChange(row.target, { transform: e.target.value as Transform })}>
                    {TRANSFORMS.map((t) => <option key={t} value={t}>{t}</option>)}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <datalist id="automation-sources">{suggestions.map((s) => <option key={s} value={s} />)}</datalist>
    </div>
  );
}
