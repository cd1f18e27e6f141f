import type { FieldMapping, MappingPreview } from '../types.js';
import { Value } from './JsonView.js';

function valueAt(record: Record<string, unknown> | null, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/**
 * Sampled records as the edited mapping would store them, one column per mapped field (in the
 * mapping's order); rejected records name their fields.
 */
export function MappingPreviewTable({ preview, mapping }: { preview: MappingPreview; mapping: FieldMapping[] }) {
  const columns = [...new Set(mapping.map((m) => m.target))].slice(0, 10);
  if (preview.results.length === 0) return <p className="muted">No records to preview yet: run a sync first, then the preview maps what it read.</p>;
  return (
    <div className="table-wrap">
      <table className="table preview-table">
        <caption className="sr-only">Preview of mapped records</caption>
        <thead><tr><th scope="col">Record</th>{columns.map((c) => <th scope="col" key={c}>{c}</th>)}<th scope="col">Problems</th></tr></thead>
        <tbody>
          {preview.results.map((r) => (
            <tr key={r.externalId} className={r.record ? undefined : 'row-rejected'}>
              <td className="mono" title={r.externalId}>{r.externalId}</td>
              {columns.map((c) => <td key={c}><Value value={valueAt(r.record, c)} /></td>)}
              <td>{r.errors.length ? <ul className="error-list">{r.errors.map((e, i) => <li key={i}><code>{e.field}</code> {e.message}</li>)}</ul> : <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
