import { useState } from 'react';
import { api } from '../api.js';
import { Async } from '../components/Async.js';
import { DeleteConnection } from '../components/DeleteConnection.js';
import { MappingEditor } from '../components/MappingEditor.js';
import { NeedsWorkspace } from '../components/NeedsWorkspace.js';
import { Notice } from '../components/Notice.js';
import { PageHeader } from '../components/PageHeader.js';
import { ReauthorizeForm } from '../components/ReauthorizeForm.js';
import { SandboxBadge, StatusBadge } from '../components/StatusBadge.js';
import { StreamsPanel } from '../components/StreamsPanel.js';
import { TestConnectionButton } from '../components/TestConnectionButton.js';
import { Time } from '../components/Time.js';
import { Value } from '../components/JsonView.js';
import { useResource } from '../hooks.js';
import { Link } from '../router.js';
import type { Connection, Workspace } from '../types.js';

function ConnectionDetail({ workspace, connectionId }: { workspace: Workspace; connectionId: string }) {
  const connection = useResource(() => api.connection(workspace.id, connectionId), [workspace.id, connectionId]);
  const streams = useResource(() => api.streams(workspace.id, connectionId), [workspace.id, connectionId]);
  const entry = useResource(() => (connection.data ? api.connector(connection.data.connectorId) : new Promise<never>(() => {})), [connection.data?.connectorId]);
  const me = useResource(() => api.me(), []);
  const [reauth, setReauth] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();

  const setEnabled = async (c: Connection, enabled: boolean) => {
    if (!enabled && !window.confirm(`Disable ${c.name}? Its streams stop and loads are refused; records and history stay.`)) return;
    try {
      await (enabled ? api.enableConnection(workspace.id, c.id) : api.disableConnection(workspace.id, c.id));
      setNotice({ tone: 'success', text: `${c.name} is ${enabled ? 'enabled again' : 'disabled'}.` });
      connection.reload();
    } catch (e) {
      setNotice({ tone: 'error', text: (e as Error).message });
    }
  };

  return (
    <Async resource={connection} what="Connection">
      {(c) => (
        <>
          <PageHeader
            title={c.name}
            badge={<>{c.sandbox ? <SandboxBadge /> : null} <StatusBadge status={c.status} /></>}
            description={<>{c.connectorId} · connected <Time value={c.createdAt} /></>}
            actions={(
              <>
                <Link to="/connections" className="btn btn-ghost">← Connections</Link>
                {c.status === 'disabled'
                  ? <button type="button" className="btn" onClick={() => setEnabled(c, true)}>Enable</button>
                  : <button type="button" className="btn btn-danger-ghost" onClick={() => setEnabled(c, false)}>Disable</button>}
              </>
            )}
          />
          {notice ? <Notice tone={notice.tone} onDismiss={() => setNotice(undefined)}>{notice.text}</Notice> : null}
          {c.status === 'needs_reauth' ? (
            <Notice tone="warning"><strong>This connection needs new credentials.</strong> {c.statusReason ?? 'The system refused the stored ones.'} Its streams are paused until then.</Notice>
          ) : null}
          <div className="split split-even">
            <section className="card" aria-labelledby="details-title">
              <h2 id="details-title">Details</h2>
              <dl className="details">
                <div className="details-row"><dt>Connector</dt><dd>{c.connectorId}</dd></div>
                <div className="details-row"><dt>Authentication</dt><dd>{c.authMethod}</dd></div>
                {Object.entries(c.config ?? {}).map(([k, v]) => <div key={k} className="details-row"><dt>{k}</dt><dd><Value value={v} /></dd></div>)}
                {Object.entries(c.credentials ?? {}).map(([k, v]) => <div key={k} className="details-row"><dt>{k}</dt><dd>{v.configured ? <span className="secret-set">•••••• set</span> : <span className="muted">not set</span>}</dd></div>)}
                {c.sandbox ? <div className="details-row"><dt>Endpoint</dt><dd><SandboxBadge /> a local stand-in of the vendor API</dd></div> : null}
              </dl>
              <TestConnectionButton workspaceId={workspace.id} connectionId={c.id} />
            </section>
            <section className="card" aria-labelledby="creds-title">
              <h2 id="creds-title">Credentials</h2>
              <p className="muted">Secrets are write-only: they are stored encrypted and never shown. Replace them when they are rotated or revoked.</p>
              {reauth || c.status === 'needs_reauth' ? (
                <Async resource={entry} what="Connector">
                  {(connector) => <ReauthorizeForm entry={connector} connection={c} workspaceId={workspace.id} onDone={() => { setReauth(false); setNotice({ tone: 'success', text: 'New credentials saved.' }); connection.reload(); }} />}
                </Async>
              ) : <button type="button" className="btn" onClick={() => setReauth(true)}>Replace credentials</button>}
            </section>
          </div>
          <StreamsPanel workspaceId={workspace.id} connectionId={c.id} streams={streams} />
          {streams.data && streams.data.length > 0 ? <MappingEditor workspaceId={workspace.id} connectionId={c.id} streams={streams.data} /> : null}
          {me.data && me.data.role !== 'workspace_member' ? <DeleteConnection workspaceId={workspace.id} connection={c} /> : null}
        </>
      )}
    </Async>
  );
}

export function ConnectionPage({ connectionId }: { connectionId: string }) {
  return <NeedsWorkspace>{(workspace) => <ConnectionDetail workspace={workspace} connectionId={connectionId} />}</NeedsWorkspace>;
}
