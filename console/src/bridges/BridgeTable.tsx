import { DataTable } from '../components/DataTable.js';
import { EmptyState } from '../components/EmptyState.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Link } from '../router.js';
import { BridgeEnd } from './BridgeEnd.js';
import type { Bridge, ChatConnection } from './types.js';

export const bridgeState = (b: Bridge) => (b.enabled ? 'active' : 'paused');

/** A workspace's bridges: both ends as people know them, and whether messages cross now. */
export function BridgeTable({ bridges, connections }: { bridges: Bridge[]; connections: ChatConnection[] }) {
  return (
    <DataTable
      caption="Bridges of this workspace"
      rows={bridges}
      rowKey={(b) => b.id}
      empty={(
        <EmptyState icon="⇋" title="No bridges yet" action={<Link to="/bridges/new" className="btn btn-primary">New bridge</Link>}>
          <p>A bridge joins a channel on one chat connection with a channel on another: messages, edits, deletes and thread replies cross both ways, and a copy never crosses back.</p>
        </EmptyState>
      )}
      columns={[
        { header: 'Name', render: (b) => <Link to={`/bridges/${b.id}`}>{b.name}</Link> },
        { header: 'Side A', render: (b) => <BridgeEnd end={b.a} connections={connections} /> },
        { header: 'Side B', render: (b) => <BridgeEnd end={b.b} connections={connections} /> },
        { header: 'State', render: (b) => <StatusBadge status={bridgeState(b)} /> },
      ]}
    />
  );
}
