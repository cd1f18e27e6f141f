import { useState } from 'react';
import { api } from '../api.js';
import { automationApi } from '../automations/api.js';
import { AutomationForm } from '../automations/AutomationForm.js';
import { AutomationRuns } from '../automations/AutomationRuns.js';
import type { Automation } from '../automations/types.js';
import { WebhookReveal } from '../automations/WebhookReveal.js';
import { Async } from '../components/Async.js';
import { EmptyState } from '../components/EmptyState.js';
import { NeedsWorkspace } from '../components/NeedsWorkspace.js';
import { Notice } from '../components/Notice.js';
import { PageHeader } from '../components/PageHeader.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Time } from '../components/Time.js';
import { useResource } from '../hooks.js';
import { Link, navigate } from '../router.js';
import type { Workspace } from '../types.js';
import { useWorkspace } from '../workspace.js';

const back = <Link to="/automations" className="btn btn-ghost">← Automations</Link>;
const savedUrl = (name: string) => `/automations?saved=${encodeURIComponent(name)}`;

function Editor({ workspace, automationId }: { workspace: Workspace; automationId?: string }) {
  const { workspaces } = useWorkspace();
  const data = useResource(async () => {
    const [connectors, catalogue, automation] = await Promise.all([
      automationApi.connectors(workspace.id),
      // Object names only help the form; without the catalogue it still works.
      api.catalogue().catch(() => []),
      automationId ? automationApi.get(workspace.orgId, automationId) : Promise.resolve(undefined),
    ]);
    const objects = [...new Set(catalogue.flatMap((c) => c.objects.filter((o) => o.source).map((o) => o.name)))].sort();
    return { connectors, objects, automation };
  }, [workspace.id, workspace.orgId, automationId]);
  // A webhook's token is in the answer of the save that made it, and nowhere else: show it before leaving.
  const [revealed, setRevealed] = useState<Automation>();

  if (revealed?.webhook) {
    return (
      <>
        <PageHeader title={revealed.name} badge={<StatusBadge status={revealed.enabled ? 'enabled' : 'disabled'} />} actions={back} />
        <Notice tone="success">Saved “{revealed.name}”. Its webhook is ready.</Notice>
        <WebhookReveal name={revealed.name} webhook={revealed.webhook} onDone={() => navigate(savedUrl(revealed.name))} />
      </>
    );
  }
  const onSaved = (saved: Automation) => (saved.webhook ? setRevealed(saved) : navigate(savedUrl(saved.name)));
  return (
    <Async resource={data} what="Automation">
      {({ connectors, objects, automation }) => (
        <>
          <PageHeader
            title={automation ? automation.name : 'New automation'}
            badge={automation ? <StatusBadge status={automation.enabled ? 'enabled' : 'disabled'} /> : undefined}
            description={automation ? <>Created <Time value={automation.created_at} /> · runs a connector action for every workspace of the organisation</> : 'A trigger, a connector action, and which event fields fill the action’s inputs.'}
            actions={back}
          />
          {automation?.trigger.type === 'webhook' ? (
            <Notice tone="info">Your system calls <code>POST {window.location.origin}/hooks/automations/{automation.id}</code> with the token shown when the webhook was made; it is stored only as a hash. Saving keeps it.</Notice>
          ) : null}
          {connectors.length === 0 ? (
            <EmptyState icon="⌘" title="No JSON connectors to automate yet">
              <p>An automation runs an action of a JSON HTTP connector. A platform admin registers those (<code>POST /admin/connector</code>); come back once there is one.</p>
            </EmptyState>
          ) : <AutomationForm key={automation?.id ?? 'new'} orgId={workspace.orgId} connectors={connectors} objects={objects} initial={automation} onSaved={onSaved} />}
          {automation ? <AutomationRuns orgId={workspace.orgId} automationId={automation.id} workspaces={workspaces} /> : null}
        </>
      )}
    </Async>
  );
}

/** New (`/automations/new`) or edit (`/automations/:id`), with the automation's runs when it exists. */
export function AutomationEditPage({ automationId }: { automationId?: string }) {
  return <NeedsWorkspace>{(workspace) => <Editor workspace={workspace} automationId={automationId} />}</NeedsWorkspace>;
}
