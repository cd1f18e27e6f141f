import { DataTable } from '../components/DataTable.js';
import { EmptyState } from '../components/EmptyState.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Time } from '../components/Time.js';
import { SIDE_LABEL } from './BridgeEnd.js';
import type { BridgeWithMessages, ChatConnection, LedgerEntry } from './types.js';

/**
 * The bridge's ledger, newest first: where each message was written, its id there, the id of its
 * copy on the other side, and whether it is still live or was deleted.
 */
export function BridgeLedger({ bridge, connections }: { bridge: BridgeWithMessages; connections: ChatConnection[] }) {
  const origin = (m: LedgerEntry) => {
    const end = bridge[m.originSide];
    const connection = connections.find((c) => c.id === end.connectionId);
    return <>{SIDE_LABEL[m.originSide]}<div className="muted small">{connection?.name ?? end.connectionId} · <span className="mono">{end.channel}</span></div></>;
  };
  return (
    <section className="card" aria-labelledby="ledger-title">
      <div className="card-head">
        <h2 id="ledger-title">Recent messages</h2>
        <span className="muted small">Newest first</span>
      </div>
      <DataTable
        caption="Messages that crossed this bridge"
        rows={bridge.messages}
        rowKey={(m) => `${m.originSide}:${m.originId}`}
        empty={(
          <EmptyState icon="✉" title="No messages have crossed yet">
            <p>Messages appear here once people write in either channel{bridge.enabled ? '' : ' and the bridge is resumed'}: each one with the id of its copy on the other side.</p>
          </EmptyState>
        )}
        columns={[
          { header: 'Origin', render: origin },
          { header: 'Origin id', render: (m) => <span className="mono">{m.originId}</span> },
          { header: 'Copy id', render: (m) => (m.copyId ? <span className="mono">{m.copyId}</span> : <span className="muted">not copied</span>) },
          { header: 'State', render: (m) => <StatusBadge status={m.state} /> },
          { header: 'When', render: (m) => <Time value={m.updatedAt} /> },
        ]}
      />
    </section>
  );
}
