import type { FieldMapping, Transform } from '../types.js';

const TRANSFORMS: Transform[] = ['none', 'lowercase', 'uppercase', 'trim', 'date', 'number', 'boolean'];

/** The editable rows of a mapping: vendor path → canonical field, with a transform. */
export function MappingRows({ rows, onChange }: { rows: FieldMapping[]; onChange(rows: FieldMapping[]): void }) {
  const set = (i: number, patch: Partial<FieldMapping>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="table-wrap">
      <table className="table table-form">
        <caption className="sr-only">Field mapping</caption>
        <thead>
          <tr><th scope="col">Vendor field (source path)</th><th scope="col">Canonical field</th><th scope="col">Transform</th><th scope="col"><span className="sr-only">Remove</span></th></tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td><input aria-label={`Source of row ${i + 1}`} className="input-mono" value={row.source} onChange={(e) => set(i, { source: e.target.value })} placeholder="properties.email" /></td>
              <td><input aria-label={`Target of row ${i + 1}`} className="input-mono" value={row.target} onChange={(e) => set(i, { target: e.target.value })} placeholder="email" /></td>
              <td>
                <select aria-label={`Transform of row ${i + 1}`} value={row.transform ?? 'none'} onChange={(e) => set(i, { transform: e.target.value as Transform })}>
                  {TRANSFORMS.map((t) => <option key={t} value={t}>{t}</option>)}
                </select>
                {row.valueMap ? <span className="muted small" title={JSON.stringify(row.valueMap)}> + value map</span> : null}
              </td>
              <td><button type="button" className="btn btn-ghost btn-small" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove row ${i + 1}`} title="Remove">×</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn-small" onClick={() => onChange([...rows, { source: '', target: '', transform: 'none' }])}>+ Add field</button>
    </div>
  );
}
