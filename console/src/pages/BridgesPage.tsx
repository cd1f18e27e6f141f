import { bridgeApi } from '../bridges/api.js';
import { BridgeTable } from '../bridges/BridgeTable.js';
import { Async } from '../components/Async.js';
import { NeedsWorkspace } from '../components/NeedsWorkspace.js';
import { Notice } from '../components/Notice.js';
import { PageHeader } from '../components/PageHeader.js';
import { usePolling, useResource } from '../hooks.js';
import { Link, navigate, useLocation } from '../router.js';
import type { Workspace } from '../types.js';

function BridgeList({ workspace }: { workspace: Workspace }) {
  const data = useResource(async () => {
    const [bridges, connections] = await Promise.all([
      bridgeApi.list(workspace.id),
      // Names only make the ends readable; without them the list still shows ids.
      bridgeApi.chatConnections(workspace.id).catch(() => []),
    ]);
    return { bridges, connections };
  }, [workspace.id]);
  // Subscriptions are renewed by the platform: their expiry moves on its own.
  usePolling(data.reload, 30_000, true);
  return (
    <Async resource={data} what="Bridges">
      {({ bridges, connections }) => <BridgeTable bridges={bridges} connections={connections} />}
    </Async>
  );
}

/** The event hub's bridges: channels on two chat connections joined both ways. */
export function BridgesPage() {
  const { search } = useLocation();
  const created = search.get('created');
  const deleted = search.get('deleted');
  const dismiss = () => navigate('/bridges', { replace: true });
  return (
    <>
      <PageHeader
        title="Bridges"
        description="Channels on two chat connections joined through the event hub: messages, edits, deletes and replies cross both ways."
        actions={<Link to="/bridges/new" className="btn btn-primary">New bridge</Link>}
      />
      {created ? <Notice tone="success" onDismiss={dismiss}>Created “{created}”. Messages now cross both ways.</Notice> : null}
      {deleted ? <Notice tone="success" onDismiss={dismiss}>Deleted “{deleted}”. Messages already copied stay in both channels.</Notice> : null}
      <NeedsWorkspace>{(workspace) => <BridgeList workspace={workspace} />}</NeedsWorkspace>
    </>
  );
}
