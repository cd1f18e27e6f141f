import { useState } from 'react';
import { api } from '../api.js';
import { Async } from '../components/Async.js';
import { ConnectGuide } from '../components/ConnectGuide.js';
import { NeedsWorkspace } from '../components/NeedsWorkspace.js';
import { Notice } from '../components/Notice.js';
import { PageHeader } from '../components/PageHeader.js';
import { SandboxBadge } from '../components/StatusBadge.js';
import { TestConnectionButton } from '../components/TestConnectionButton.js';
import { ConnectForm } from '../form/ConnectForm.js';
import { useResource } from '../hooks.js';
import { Link } from '../router.js';
import type { Connection } from '../types.js';

/** Connect a system: the form drawn from the catalogue's schemas, the guide beside it. */
export function ConnectPage({ connectorId }: { connectorId: string }) {
  const entry = useResource(() => api.connector(connectorId), [connectorId]);
  const [created, setCreated] = useState<Connection>();
  const [warning, setWarning] = useState<string>();
  return (
    <NeedsWorkspace>
      {(workspace) => (
        <Async resource={entry} what="Connector">
          {(connector) => (
            <>
              <PageHeader
                title={`Connect ${connector.name}`}
                description={connector.description}
                actions={<Link to="/connectors" className="btn btn-ghost">← Catalogue</Link>}
              />
              <div className="split">
                <div className="card">
                  {created ? (
                    <div className="connected" role="status">
                      <h2>{created.name} is connected {created.sandbox ? <SandboxBadge /> : null}</h2>
                      {warning ? <Notice tone="warning">{warning}</Notice> : null}
                      <p className="muted">Credentials are stored encrypted. Its streams start with a full sync and then run on their schedule.</p>
                      <TestConnectionButton workspaceId={workspace.id} connectionId={created.id} primary />
                      <div className="button-row">
                        <Link to={`/connections/${created.id}`} className="btn">Open the connection</Link>
                        <button type="button" className="btn btn-ghost" onClick={() => setCreated(undefined)}>Connect another</button>
                      </div>
                    </div>
                  ) : (
                    <ConnectForm entry={connector} workspaceId={workspace.id} onConnected={(c, w) => { setCreated(c); setWarning(w); }} />
                  )}
                </div>
                <ConnectGuide entry={connector} />
              </div>
            </>
          )}
        </Async>
      )}
    </NeedsWorkspace>
  );
}
