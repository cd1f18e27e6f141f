import { useEffect, useState } from 'react';
import { api, ApiError } from '../api.js';
import type { FieldMapping, MappingPreview, Stream, StreamMapping } from '../types.js';
import { ErrorState } from './ErrorState.js';
import { Loading } from './Loading.js';
import { MappingPreviewTable } from './MappingPreviewTable.js';
import { MappingRows } from './MappingRows.js';
import { Notice } from './Notice.js';

const complete = (rows: FieldMapping[]) => rows.filter((r) => r.source.trim() && r.target.trim());

/** Edit a stream's field mapping and see, as you type, what the sampled records become. */
export function MappingEditor({ workspaceId, connectionId, streams }: { workspaceId: string; connectionId: string; streams: Stream[] }) {
  const [object, setObject] = useState(streams[0]?.object ?? '');
  const [mapping, setMapping] = useState<StreamMapping>();
  const [rows, setRows] = useState<FieldMapping[]>([]);
  const [loadError, setLoadError] = useState<Error>();
  const [preview, setPreview] = useState<MappingPreview>();
  const [previewError, setPreviewError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!object) return;
    let live = true;
    setMapping(undefined);
    setLoadError(undefined);
    api.mapping(workspaceId, connectionId, object).then(
      (m) => { if (live) { setMapping(m); setRows(m.effective); } },
      (e: Error) => { if (live) setLoadError(e); },
    );
    return () => { live = false; };
  }, [workspaceId, connectionId, object]);

  // The live preview: debounced, the previous call cancelled when the mapping changes again.
  useEffect(() => {
    if (!mapping) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.previewMapping(workspaceId, connectionId, object, complete(rows), controller.signal).then(
        (p) => { setPreview(p); setPreviewError(undefined); },
        (e: Error) => { if (e.name !== 'AbortError') setPreviewError(e instanceof ApiError && e.fields.length ? e.fields.map((f) => `${f.field}: ${f.message}`).join('; ') : e.message); },
      );
    }, 350);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [workspaceId, connectionId, object, rows, mapping]);

  const save = async (next: FieldMapping[] | null) => {
    setBusy(true);
    setSaved(undefined);
    try {
      const m = await api.saveMapping(workspaceId, connectionId, object, next);
      setMapping(m);
      setRows(m.effective);
      setSaved(next === null ? 'Restored the connector’s default mapping.' : 'Mapping saved. The next sync maps records with it.');
    } catch (e) {
      setPreviewError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (streams.length === 0) return null;
  return (
    <section className="card" aria-labelledby="mapping-title">
      <div className="card-head">
        <h2 id="mapping-title">Field mapping</h2>
        <div className="toolbar-field">
          <label htmlFor="mapping-object">Object</label>
          <select id="mapping-object" value={object} onChange={(e) => setObject(e.target.value)}>
            {streams.map((s) => <option key={s.object} value={s.object}>{s.object}</option>)}
          </select>
        </div>
      </div>
      {loadError ? <ErrorState error={loadError} what="Mapping" /> : !mapping ? <Loading label="Loading the mapping…" /> : (
        <div className="mapping-grid">
          <div>
            <p className="muted small">How a {object} record becomes a canonical {mapping.canonical}. {mapping.override ? 'This connection overrides the default.' : 'The connector’s default applies.'}</p>
            <MappingRows rows={rows} onChange={(r) => { setRows(r); setSaved(undefined); }} />
            <div className="form-actions">
              <button type="button" className="btn btn-primary" onClick={() => save(complete(rows))} disabled={busy}>Save mapping</button>
              {mapping.override ? <button type="button" className="btn btn-ghost" onClick={() => save(null)} disabled={busy}>Restore default</button> : null}
            </div>
            {saved ? <Notice tone="success">{saved}</Notice> : null}
          </div>
          <div aria-live="polite">
            <h3>Live preview</h3>
            {previewError ? <Notice tone="error">{previewError}</Notice> : preview ? <MappingPreviewTable preview={preview} mapping={complete(rows)} /> : <Loading label="Mapping sample records…" />}
          </div>
        </div>
      )}
    </section>
  );
}
