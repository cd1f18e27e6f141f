import { Time } from '../components/Time.js';
import type { BridgeEnd as End, BridgeSide, ChatConnection } from './types.js';

export const SIDE_LABEL: Record<BridgeSide, string> = { a: 'Side A', b: 'Side B' };

/** "connection name · channel", the connector's name under it, and when its push subscription lapses. */
export function BridgeEnd({ end, connections }: { end: End; connections: ChatConnection[] }) {
  const connection = connections.find((c) => c.id === end.connectionId);
  return (
    <>
      <span>{connection ? connection.name : <span className="mono">{end.connectionId}</span>} · <span className="mono">{end.channel}</span></span>
      <div className="muted small">
        {connection ? connection.connectorName : 'connection not found'}
        {end.subscriptionExpiresAt ? <> · subscription expires <Time value={end.subscriptionExpiresAt} /></> : null}
      </div>
    </>
  );
}
