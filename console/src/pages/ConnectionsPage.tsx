import { api } from '../api.js';
import { Async } from '../components/Async.js';
import { DataTable } from '../components/DataTable.js';
import { EmptyState } from '../components/EmptyState.js';
import { NeedsWorkspace } from '../components/NeedsWorkspace.js';
import { Notice } from '../components/Notice.js';
import { PageHeader } from '../components/PageHeader.js';
import { SandboxBadge, StatusBadge } from '../components/StatusBadge.js';
import { Time } from '../components/Time.js';
import { useResource } from '../hooks.js';
import { Link, navigate, useLocation } from '../router.js';
import type { Workspace } from '../types.js';

function ConnectionList({ workspace }: { workspace: Workspace }) {
  const connections = useResource(() => api.connections(workspace.id), [workspace.id]);
  return (
    <Async resource={connections} what="Connections">
      {(rows) => (
        <DataTable
          caption="Connections"
          rows={rows}
          rowKey={(c) => c.id}
          empty={(
            <EmptyState icon="⇄" title="No connections yet" action={<Link to="/connectors" className="btn btn-primary">Browse the catalogue</Link>}>
              <p>Connect a CRM, billing or ticketing system to stream its changes here and load records into it.</p>
            </EmptyState>
          )}
          columns={[
            { header: 'Name', render: (c) => <><Link to={`/connections/${c.id}`}>{c.name}</Link> {c.sandbox ? <SandboxBadge /> : null}</> },
            { header: 'Connector', render: (c) => c.connectorId },
            { header: 'Status', render: (c) => <StatusBadge status={c.status} /> },
            { header: 'Auth', render: (c) => c.authMethod },
            { header: 'Created', render: (c) => <Time value={c.createdAt} /> },
          ]}
        />
      )}
    </Async>
  );
}

export function ConnectionsPage() {
  const deleted = useLocation().search.get('deleted');
  return (
    <>
      <PageHeader title="Connections" description="The systems this workspace is connected to." actions={<Link to="/connectors" className="btn btn-primary">Connect a system</Link>} />
      {deleted ? <Notice tone="success" onDismiss={() => navigate('/connections', { replace: true })}>Deleted “{deleted}”, with its secrets and data.</Notice> : null}
      <NeedsWorkspace>{(workspace) => <ConnectionList workspace={workspace} />}</NeedsWorkspace>
    </>
  );
}
