/** A record as indented JSON, scrollable, for payloads and diffs. */
export function JsonView({ value, label }: { value: unknown; label?: string }) {
  return <pre className="json" aria-label={label} tabIndex={0}>{JSON.stringify(value, null, 2) ?? 'undefined'}</pre>;
}

/** A short inline rendering of a value in a table cell. */
export function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  if (typeof value === 'object') return <code className="inline-json">{JSON.stringify(value)}</code>;
  return <>{String(value)}</>;
}
