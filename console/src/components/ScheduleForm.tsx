import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import type { Stream } from '../types.js';

/** A stream's cron and on/off switch, saved with Enter or the button. */
export function ScheduleForm({ workspaceId, stream, onSaved }: { workspaceId: string; stream: Stream; onSaved(s: Stream): void }) {
  const [cron, setCron] = useState(stream.cron);
  const [enabled, setEnabled] = useState(stream.enabled);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const dirty = cron !== stream.cron || enabled !== stream.enabled;
  const id = `schedule-${stream.object}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await api.updateStream(workspaceId, stream.connectionId, stream.object, { cron: cron.trim(), enabled }));
    } catch (e) {
      const err = e as Error & { fields?: Array<{ message: string }> };
      setError(err.fields?.[0]?.message ?? err.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <label className="sr-only" htmlFor={id}>Schedule of {stream.object} (cron, UTC)</label>
      <input id={id} className="input-mono input-small" value={cron} onChange={(e) => setCron(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      <label className="checkbox small">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> on
      </label>
      <button type="submit" className="btn btn-small" disabled={!dirty || busy}>{busy ? 'Saving…' : 'Save'}</button>
      {error ? <span className="field-error" id={`${id}-error`}>{error}</span> : null}
    </form>
  );
}
