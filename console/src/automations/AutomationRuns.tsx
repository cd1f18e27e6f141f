import { Async } from '../components/Async.js';
import { DataTable } from '../components/DataTable.js';
import { EmptyState } from '../components/EmptyState.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Time } from '../components/Time.js';
import { usePolling, useResource } from '../hooks.js';
import type { Workspace } from '../types.js';
import { automationApi } from './api.js';

/** An automation's recent runs: when, for which workspace, how it ended and why it failed. */
export function AutomationRuns({ orgId, automationId, workspaces }: { orgId: string; automationId: string; workspaces: Workspace[] }) {
  const runs = useResource(() => automationApi.runs(orgId, automationId, 25), [orgId, automationId]);
  // Runs arrive from workers and webhooks: keep the table fresh while the page is open.
  usePolling(runs.reload, 5000, true);
  const workspaceName = (id: string | null) => (id ? workspaces.find((w) => w.id === id)?.name ?? id.slice(0, 8) : '—');
  return (
    <section className="card" aria-labelledby="runs-title">
      <div className="card-head">
        <h2 id="runs-title">Recent runs</h2>
        <button type="button" className="btn btn-small" onClick={runs.reload} disabled={runs.loading}>Refresh</button>
      </div>
      <Async resource={runs} what="Runs">
        {(rows) => (
          <DataTable
            caption="Runs of this automation, newest first"
            rows={rows}
            rowKey={(r) => r.id}
            empty={<EmptyState icon="◷" title="No runs yet">Runs appear here when the trigger fires: at the next schedule slot, the next matching change, or the next webhook call.</EmptyState>}
            columns={[
              { header: 'When', render: (r) => <Time value={r.created_at} /> },
              { header: 'Workspace', render: (r) => workspaceName(r.workspace_id) },
              { header: 'Status', render: (r) => <StatusBadge status={r.status} /> },
              { header: 'Attempts', render: (r) => r.attempts, numeric: true },
              { header: 'Error', render: (r) => (r.error ? <span className="field-error">{r.error}</span> : <span className="muted">—</span>) },
            ]}
          />
        )}
      </Async>
    </section>
  );
}
