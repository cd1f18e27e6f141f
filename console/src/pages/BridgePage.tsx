import { useState } from 'react';
import { bridgeApi } from '../bridges/api.js';
import { BridgeEnd, SIDE_LABEL } from '../bridges/BridgeEnd.js';
import { BridgeLedger } from '../bridges/BridgeLedger.js';
import { bridgeState } from '../bridges/BridgeTable.js';
import { DeleteBridge } from '../bridges/DeleteBridge.js';
import type { Bridge } from '../bridges/types.js';
import { Async } from '../components/Async.js';
import { NeedsWorkspace } from '../components/NeedsWorkspace.js';
import { Notice } from '../components/Notice.js';
import { PageHeader } from '../components/PageHeader.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { usePolling, useResource } from '../hooks.js';
import { Link } from '../router.js';
import type { Workspace } from '../types.js';

const back = <Link to="/bridges" className="btn btn-ghost">← Bridges</Link>;

function BridgeDetail({ workspace, bridgeId }: { workspace: Workspace; bridgeId: string }) {
  const data = useResource(async () => {
    const [bridge, connections] = await Promise.all([
      bridgeApi.get(workspace.id, bridgeId),
      bridgeApi.chatConnections(workspace.id).catch(() => []),
    ]);
    return { bridge, connections };
  }, [workspace.id, bridgeId]);
  // The ledger fills as people write: keep it current while the page is open.
  usePolling(data.reload, 10_000, true);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();

  const setEnabled = async (bridge: Bridge, enabled: boolean) => {
    setBusy(true);
    setNotice(undefined);
    try {
      await bridgeApi.setEnabled(workspace.id, bridge.id, enabled);
      setNotice({ tone: 'success', text: enabled ? `“${bridge.name}” is active again: new messages cross.` : `“${bridge.name}” is paused: messages no longer cross until you resume it.` });
      data.reload();
    } catch (e) {
      setNotice({ tone: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Async resource={data} what="Bridge">
      {({ bridge, connections }) => (
        <>
          <PageHeader
            title={bridge.name}
            badge={<StatusBadge status={bridgeState(bridge)} />}
            description="Messages, edits, deletes and thread replies cross both ways; a copy never crosses back."
            actions={(
              <>
                {back}
                {bridge.enabled
                  ? <button type="button" className="btn btn-danger-ghost" onClick={() => setEnabled(bridge, false)} disabled={busy}>{busy ? 'Saving…' : 'Pause'}</button>
                  : <button type="button" className="btn btn-primary" onClick={() => setEnabled(bridge, true)} disabled={busy}>{busy ? 'Saving…' : 'Resume'}</button>}
              </>
            )}
          />
          {notice ? <Notice tone={notice.tone} onDismiss={() => setNotice(undefined)}>{notice.text}</Notice> : null}
          <section className="card" aria-labelledby="ends-title">
            <h2 id="ends-title">Ends</h2>
            <dl className="details">
              {(['a', 'b'] as const).map((side) => (
                <div key={side} className="details-row"><dt>{SIDE_LABEL[side]}</dt><dd><BridgeEnd end={bridge[side]} connections={connections} /></dd></div>
              ))}
            </dl>
          </section>
          <BridgeLedger bridge={bridge} connections={connections} />
          <DeleteBridge workspaceId={workspace.id} bridge={bridge} />
        </>
      )}
    </Async>
  );
}

/** One bridge (`/bridges/:id`): its ends, pause and resume, the messages that crossed, delete. */
export function BridgePage({ bridgeId }: { bridgeId: string }) {
  return <NeedsWorkspace>{(workspace) => <BridgeDetail workspace={workspace} bridgeId={bridgeId} />}</NeedsWorkspace>;
}
