import { JsonView } from './JsonView.js';

const PREFERRED = ['email', 'name', 'fullName', 'firstName', 'lastName', 'domain', 'title', 'subject', 'type', 'amount', 'status'];

/** The telling fields of a canonical record in one line, the whole record one click away. */
export function RecordSummary({ data, label }: { data: Record<string, unknown> | null | undefined; label: string }) {
  if (!data) return <span className="muted">—</span>;
  const keys = [...PREFERRED.filter((k) => data[k] !== undefined && data[k] !== null && typeof data[k] !== 'object'), ...Object.keys(data).filter((k) => typeof data[k] !== 'object')];
  const shown = [...new Set(keys)].slice(0, 3);
  return (
    <details className="record-summary">
      <summary>{shown.length ? shown.map((k) => `${k}: ${String(data[k])}`).join(' · ') : `${Object.keys(data).length} fields`}</summary>
      <JsonView value={data} label={label} />
    </details>
  );
}
