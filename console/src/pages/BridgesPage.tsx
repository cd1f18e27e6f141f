import { api } from '../api.js';
import { Async } from '../components/Async.js';
import { DataTable } from '../components/DataTable.js';
import { EmptyState } from '../components/EmptyState.js';
import { NeedsWorkspace } from '../components/NeedsWorkspace.js';
import { PageHeader } from '../components/PageHeader.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Time } from '../components/Time.js';
import { useResource } from '../hooks.js';
import type { Workspace } from '../types.js';

function BridgeList({ workspace }: { workspace: Workspace }) {
  const bridges = useResource(() => api.bridges(workspace.id), [workspace.id]);
  return (
    <Async resource={bridges} what="Bridges">
      {(rows) => (
        <DataTable
          caption="Bridges"
          rows={rows}
          rowKey={(b) => b.id}
          empty={<EmptyState icon="⇋" title="No bridges yet">A bridge joins a Slack channel and a Microsoft Teams channel: messages flow both ways, never echoed back.</EmptyState>}
          columns={[
            { header: 'Name', render: (b) => b.name ?? b.id.slice(0, 8) },
            { header: 'Slack', render: (b) => b.slackChannel ?? '—' },
            { header: 'Teams', render: (b) => b.teamsChannel ?? '—' },
            { header: 'State', render: (b) => <StatusBadge status={b.enabled === false ? 'disabled' : 'enabled'} /> },
            { header: 'Created', render: (b) => <Time value={b.createdAt} /> },
          ]}
        />
      )}
    </Async>
  );
}

export function BridgesPage() {
  return (
    <>
      <PageHeader title="Bridges" description="Slack ↔ Microsoft Teams channels joined through the event hub." />
      <NeedsWorkspace>{(workspace) => <BridgeList workspace={workspace} />}</NeedsWorkspace>
    </>
  );
}
