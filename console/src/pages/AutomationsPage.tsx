import { api } from '../api.js';
import { automationApi } from '../automations/api.js';
import { AutomationTable } from '../automations/AutomationTable.js';
import { WorkspaceConnectors } from '../automations/WorkspaceConnectors.js';
import { Async } from '../components/Async.js';
import { EmptyState } from '../components/EmptyState.js';
import { NeedsWorkspace } from '../components/NeedsWorkspace.js';
import { Notice } from '../components/Notice.js';
import { PageHeader } from '../components/PageHeader.js';
import { useResource, type Resource } from '../hooks.js';
import { Link, navigate, useLocation } from '../router.js';
import type { Principal, Workspace } from '../types.js';

/**
 * Automations in their three tiers: the platform's JSON connectors (and whether each is switched
 * on), the organisation's automations (org admins), and this workspace's part (its credentials
 * for each connector, or its opt-out).
 */
function AutomationTiers({ workspace, me }: { workspace: Workspace; me: Resource<Principal> }) {
  const connectors = useResource(() => automationApi.connectors(workspace.id), [workspace.id]);
  return (
    <div className="stack">
      <section className="card" aria-labelledby="org-tier-title">
        <div className="card-head">
          <h2 id="org-tier-title">Organisation automations</h2>
          <span className="muted small">Org tier · every workspace of the organisation</span>
        </div>
        <Async resource={me} what="Your role">
          {(principal) => (principal.role === 'workspace_member' ? (
            <EmptyState icon="⚙" title="Org admins manage automations">
              <p>Automations act for every workspace of the organisation, so only org admins build and change them. Below, you can give this workspace’s credentials to each connector, or opt it out.</p>
            </EmptyState>
          ) : <AutomationTable orgId={workspace.orgId} />)}
        </Async>
      </section>
      <section className="card" aria-labelledby="connectors-title">
        <div className="card-head">
          <h2 id="connectors-title">Connectors and this workspace</h2>
          <span className="muted small">Platform tier · workspace tier</span>
        </div>
        <p className="muted">The platform’s JSON HTTP connectors: a platform admin registers them and can switch one off for everybody. Each workspace stores its own credentials for a connector, or opts out; without either, runs for the workspace are skipped.</p>
        <Async resource={connectors} what="JSON connectors">
          {(rows) => <WorkspaceConnectors workspace={workspace} connectors={rows} onChanged={connectors.reload} />}
        </Async>
      </section>
    </div>
  );
}

export function AutomationsPage() {
  const me = useResource(() => api.me(), []);
  const { search } = useLocation();
  const saved = search.get('saved');
  const admin = me.data !== undefined && me.data.role !== 'workspace_member';
  return (
    <>
      <PageHeader
        title="Automations"
        description="Connector actions run on a schedule, on the changes a sync records, or by a webhook."
        actions={admin ? <Link to="/automations/new" className="btn btn-primary">New automation</Link> : undefined}
      />
      {saved ? <Notice tone="success" onDismiss={() => navigate('/automations', { replace: true })}>Saved “{saved}”.</Notice> : null}
      <NeedsWorkspace>{(workspace) => <AutomationTiers workspace={workspace} me={me} />}</NeedsWorkspace>
    </>
  );
}
