import { bridgeApi } from '../bridges/api.js';
import { BridgeForm } from '../bridges/BridgeForm.js';
import { Async } from '../components/Async.js';
import { EmptyState } from '../components/EmptyState.js';
import { NeedsWorkspace } from '../components/NeedsWorkspace.js';
import { PageHeader } from '../components/PageHeader.js';
import { useResource } from '../hooks.js';
import { Link, navigate } from '../router.js';
import type { Workspace } from '../types.js';

function NewBridge({ workspace }: { workspace: Workspace }) {
  const connections = useResource(() => bridgeApi.chatConnections(workspace.id), [workspace.id]);
  return (
    <Async resource={connections} what="Chat connections">
      {(rows) => (rows.length === 0 ? (
        <EmptyState icon="⇋" title="No chat connections yet" action={<Link to="/connectors?category=messaging" className="btn btn-primary">Connect a chat system</Link>}>
          <p>Each end of a bridge is a channel on a chat connection of this workspace. Connect one or two chat systems first, then come back.</p>
        </EmptyState>
      ) : <BridgeForm workspaceId={workspace.id} connections={rows} onCreated={(b) => navigate(`/bridges?created=${encodeURIComponent(b.name)}`)} />)}
    </Async>
  );
}

export function NewBridgePage() {
  return (
    <>
      <PageHeader
        title="New bridge"
        description="Pick a channel on each side. Both may be on the same connection, but not the same channel."
        actions={<Link to="/bridges" className="btn btn-ghost">← Bridges</Link>}
      />
      <NeedsWorkspace>{(workspace) => <NewBridge workspace={workspace} />}</NeedsWorkspace>
    </>
  );
}
