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

function AutomationList({ workspace }: { workspace: Workspace }) {
  const automations = useResource(() => api.automations(workspace.id), [workspace.id]);
  return (
    <Async resource={automations} what="Automations">
      {(rows) => (
        <DataTable
          caption="Automations"
          rows={rows}
          rowKey={(a) => a.id}
          empty={<EmptyState icon="⚙" title="No automations yet">An automation runs a connector action when something happens: a change event, a schedule or a webhook. Org admins build them from a source's fields.</EmptyState>}
          columns={[
            { header: 'Name', render: (a) => a.name },
            { header: 'Trigger', render: (a) => a.trigger?.type?.replace(/_/g, ' ') ?? '—' },
            { header: 'Action', render: (a) => <code>{a.connectorId}.{a.actionId}</code> },
            { header: 'State', render: (a) => <StatusBadge status={a.enabled === false ? 'disabled' : 'enabled'} /> },
            { header: 'Created', render: (a) => <Time value={a.createdAt} /> },
          ]}
        />
      )}
    </Async>
  );
}

export function AutomationsPage() {
  return (
    <>
      <PageHeader title="Automations" description="Connector actions triggered by changes, schedules or webhooks." />
      <NeedsWorkspace>{(workspace) => <AutomationList workspace={workspace} />}</NeedsWorkspace>
    </>
  );
}
