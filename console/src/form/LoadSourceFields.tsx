import type { LoadOp } from '../api.js';
import { Field } from '../components/Field.js';
import type { CatalogueEntry, Connection } from '../types.js';

export interface LoadSource {
  kind: 'file' | 'canonical';
  file?: { name: string; format: 'json' | 'csv'; content: string };
  op: LoadOp;
  sourceConnectionId: string;
  sourceObject: string;
  limit: string;
}

/** Where the records come from: an uploaded JSON/CSV file, or canonical records already synced. */
export function LoadSourceFields({ value, onChange, connections, catalogue, errors }: {
  value: LoadSource;
  onChange(v: LoadSource): void;
  connections: Connection[];
  catalogue: CatalogueEntry[];
  errors: Record<string, string>;
}) {
  const set = (patch: Partial<LoadSource>) => onChange({ ...value, ...patch });
  const sources = connections.filter((c) => catalogue.find((e) => e.id === c.connectorId)?.objects.some((o) => o.source));
  const sourceObjects = catalogue.find((e) => e.id === connections.find((c) => c.id === value.sourceConnectionId)?.connectorId)?.objects.filter((o) => o.source) ?? [];

  const readFile = async (file: File | undefined) => {
    if (!file) return set({ file: undefined });
    const format = /\.csv$/i.test(file.name) || file.type === 'text/csv' ? 'csv' : 'json';
    set({ file: { name: file.name, format, content: await file.text() } });
  };

  return (
    <>
      <fieldset className="radio-group">
        <legend>Records from</legend>
        <label className="radio"><input type="radio" name="load-source" checked={value.kind === 'file'} onChange={() => set({ kind: 'file' })} /> A file (JSON or CSV)</label>
        <label className="radio"><input type="radio" name="load-source" checked={value.kind === 'canonical'} onChange={() => set({ kind: 'canonical' })} /> Canonical records of a connection</label>
      </fieldset>
      {value.kind === 'file' ? (
        <Field label="File to load" required error={errors.file} help="JSON: an array of {op, id?, fields}. CSV: a header row; op and id columns are special, the rest are fields.">
          <input type="file" accept=".json,.csv,application/json,text/csv" onChange={(e) => void readFile(e.target.files?.[0])} />
        </Field>
      ) : (
        <>
          <Field label="Source connection" required error={errors.sourceConnectionId}>
            <select value={value.sourceConnectionId} onChange={(e) => set({ sourceConnectionId: e.target.value, sourceObject: '' })}>
              <option value="">— choose —</option>
              {sources.map((c) => <option key={c.id} value={c.id}>{c.name}{c.sandbox ? ' · Sandbox' : ''}</option>)}
            </select>
          </Field>
          <Field label="Source object" required error={errors.sourceObject}>
            <select value={value.sourceObject} onChange={(e) => set({ sourceObject: e.target.value })}>
              <option value="">— choose —</option>
              {sourceObjects.map((o) => <option key={o.name} value={o.name}>{o.label} ({o.canonical})</option>)}
            </select>
          </Field>
          <Field label="At most" help="Records to take, in external-id order.">
            <input type="number" min={1} max={10000} value={value.limit} onChange={(e) => set({ limit: e.target.value })} />
          </Field>
        </>
      )}
      <Field label="Operation" required help="For records that name no op of their own.">
        <select value={value.op} onChange={(e) => set({ op: e.target.value as LoadOp })}>
          <option value="upsert">upsert (create or update by natural key)</option>
          <option value="create">create</option>
          <option value="update">update</option>
          <option value="delete">delete</option>
        </select>
      </Field>
    </>
  );
}
