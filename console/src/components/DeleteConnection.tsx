import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { navigate } from '../router.js';
import type { Connection } from '../types.js';
import { Field } from './Field.js';
import { Notice } from './Notice.js';

/**
 * The connection's danger zone (org admins): deleting asks for the connection's name first, says
 * what goes with it, and returns to the list. Secrets leave the credential store; the audit log
 * keeps the history.
 */
export function DeleteConnection({ workspaceId, connection }: { workspaceId: string; connection: Connection }) {
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => { if (confirming) input.current?.focus(); }, [confirming]);
  const matches = typed.trim() === connection.name;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!matches) return setFailure(`Type “${connection.name}” to confirm.`);
    setBusy(true);
    setFailure(undefined);
    try {
      await api.deleteConnection(workspaceId, connection.id);
      navigate(`/connections?deleted=${encodeURIComponent(connection.name)}`);
    } catch (e) {
      setFailure((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <section className="card danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete this connection</h2>
      <p className="muted">Deletes its streams, runs, synced records, change log, dead letters and load history, and removes its secrets from the credential store. The audit log keeps what happened. This cannot be undone.</p>
      {!confirming ? (
        <button type="button" className="btn btn-danger-ghost" onClick={() => setConfirming(true)}>Delete connection…</button>
      ) : (
        <form onSubmit={submit} noValidate className="form-narrow" aria-label={`Delete ${connection.name}`}>
          {failure ? <Notice tone="error">{failure}</Notice> : null}
          <Field id="delete-confirm" label={`Type “${connection.name}” to confirm`} required>
            <input ref={input} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} disabled={busy} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="btn btn-danger" disabled={busy || !matches}>{busy ? 'Deleting…' : 'Delete connection'}</button>
            <button type="button" className="btn btn-ghost" onClick={() => { setConfirming(false); setTyped(''); setFailure(undefined); }} disabled={busy}>Cancel</button>
          </div>
        </form>
      )}
    </section>
  );
}
