import { useEffect, useRef, useState } from 'react';
import { Notice } from '../components/Notice.js';
import { navigate } from '../router.js';
import { bridgeApi } from './api.js';
import type { Bridge } from './types.js';

/**
 * The bridge's danger zone: deleting asks once more, says what goes (the ledger) and what stays
 * (every message already copied), and returns to the list.
 */
export function DeleteBridge({ workspaceId, bridge }: { workspaceId: string; bridge: Bridge }) {
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  // The safe choice takes the focus, so Enter on the question does not delete.
  useEffect(() => { if (confirming) cancel.current?.focus(); }, [confirming]);

  const remove = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await bridgeApi.remove(workspaceId, bridge.id);
      navigate(`/bridges?deleted=${encodeURIComponent(bridge.name)}`);
    } catch (e) {
      setFailure((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <section className="card danger-zone" aria-labelledby="delete-bridge-title">
      <h2 id="delete-bridge-title">Delete this bridge</h2>
      <p className="muted">Messages stop crossing. Copies already made stay in both channels, but the ledger that links them goes, so later edits and deletes of those messages no longer cross. This cannot be undone.</p>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      {!confirming ? (
        <button type="button" className="btn btn-danger-ghost" onClick={() => setConfirming(true)}>Delete bridge…</button>
      ) : (
        <div role="group" aria-labelledby="delete-bridge-question">
          <p id="delete-bridge-question"><strong>Delete “{bridge.name}”?</strong></p>
          <div className="form-actions">
            <button type="button" className="btn btn-danger" onClick={remove} disabled={busy}>{busy ? 'Deleting…' : 'Delete bridge'}</button>
            <button type="button" ref={cancel} className="btn btn-ghost" onClick={() => setConfirming(false)} disabled={busy}>Cancel</button>
          </div>
        </div>
      )}
    </section>
  );
}
