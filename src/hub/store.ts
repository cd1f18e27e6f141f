/**
 * Bridges as rows: create (both sides must be chat connections of the workspace whose connector
 * can post, edit, delete and capture), list, get, enable or disable, delete, and the lookup the
 * inbound route needs: which bridges listen to this connection and channel.
 */
import type pg from 'pg';
import type { ConnectorRegistry, MessagingOperations } from '../registry/index.js';
import type { Bridge, BridgeSide } from './types.js';

export interface NewBridge {
  name: string;
  a: { connectionId: string; channel: string };
  b: { connectionId: string; channel: string };
}

/** A bridge request that cannot work, with the field at fault. */
export class BridgeDefinitionError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

interface BridgeRow {
  id: string; workspace_id: string; name: string; enabled: boolean;
  a_connection_id: string; a_channel: string; b_connection_id: string; b_channel: string;
  subscriptions: Record<string, { id: string; expiresAt: string }>;
}

export type StoredBridge = Bridge & { subscriptions: Partial<Record<BridgeSide, { id: string; expiresAt: string }>>; createdAt?: string };

const toBridge = (row: BridgeRow): StoredBridge => ({
  id: row.id, workspaceId: row.workspace_id, name: row.name, enabled: row.enabled,
  a: { connectionId: row.a_connection_id, channel: row.a_channel }, b: { connectionId: row.b_connection_id, channel: row.b_channel },
  subscriptions: row.subscriptions ?? {},
});

/** What a connector must offer to sit at either end of a bridge. */
export const BRIDGE_OPERATIONS = ['send', 'update', 'delete', 'capture'] as const;

export class BridgeStore {
  constructor(private readonly pool: pg.Pool, private readonly registry: ConnectorRegistry) {}

  async create(workspaceId: string, input: NewBridge): Promise<StoredBridge> {
    for (const side of ['a', 'b'] as const) await this.checkSide(workspaceId, side, input[side].connectionId);
    if (input.a.connectionId === input.b.connectionId && input.a.channel === input.b.channel) {
      throw new BridgeDefinitionError('b.channel', 'a bridge joins two different channels');
    }
    const { rows } = await this.pool.query<BridgeRow>(
      `insert into bridges (workspace_id, name, a_connection_id, a_channel, b_connection_id, b_channel) values ($1, $2, $3, $4, $5, $6) returning *`,
      [workspaceId, input.name, input.a.connectionId, input.a.channel, input.b.connectionId, input.b.channel]);
    return toBridge(rows[0]!);
  }

  private async checkSide(workspaceId: string, side: BridgeSide, connectionId: string) {
    const { rows } = await this.pool.query<{ connector_id: string }>('select connector_id from connections where id = $1 and workspace_id = $2', [connectionId, workspaceId]);
    if (!rows[0]) throw new BridgeDefinitionError(`${side}.connection_id`, `no connection ${connectionId} in this workspace`);
    const messaging = this.registry.get(rows[0].connector_id).messaging as Partial<MessagingOperations> | undefined;
    const missing = BRIDGE_OPERATIONS.filter((op) => typeof messaging?.[op] !== 'function');
    if (missing.length > 0) {
      throw new BridgeDefinitionError(`${side}.connection_id`, `${rows[0].connector_id} cannot be bridged: it lacks ${missing.join(', ')}`);
    }
  }

  async list(workspaceId: string): Promise<StoredBridge[]> {
    const { rows } = await this.pool.query<BridgeRow>('select * from bridges where workspace_id = $1 order by created_at', [workspaceId]);
    return rows.map(toBridge);
  }

  async get(workspaceId: string, id: string): Promise<StoredBridge | null> {
    const { rows } = await this.pool.query<BridgeRow>('select * from bridges where id = $1 and workspace_id = $2', [id, workspaceId]);
    return rows[0] ? toBridge(rows[0]) : null;
  }

  /** For workers, which hold a job's bridge id and no tenant. */
  async byId(id: string): Promise<StoredBridge | null> {
    const { rows } = await this.pool.query<BridgeRow>('select * from bridges where id = $1', [id]);
    return rows[0] ? toBridge(rows[0]) : null;
  }

  async setEnabled(workspaceId: string, id: string, enabled: boolean): Promise<StoredBridge | null> {
    const { rows } = await this.pool.query<BridgeRow>('update bridges set enabled = $3 where id = $1 and workspace_id = $2 returning *', [id, workspaceId, enabled]);
    return rows[0] ? toBridge(rows[0]) : null;
  }

  async remove(workspaceId: string, id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('delete from bridges where id = $1 and workspace_id = $2', [id, workspaceId]);
    return (rowCount ?? 0) > 0;
  }

  /** The enabled bridges with an end on this connection's channel, and which end it is. */
  async listening(connectionId: string, channel: string): Promise<Array<{ bridge: StoredBridge; side: BridgeSide }>> {
    const { rows } = await this.pool.query<BridgeRow>(
      `select * from bridges where enabled and ((a_connection_id = $1 and a_channel = $2) or (b_connection_id = $1 and b_channel = $2))`, [connectionId, channel]);
    return rows.flatMap((row) => {
      const bridge = toBridge(row);
      const sides: BridgeSide[] = (['a', 'b'] as const).filter((s) => bridge[s].connectionId === connectionId && bridge[s].channel === channel);
      return sides.map((side) => ({ bridge, side }));
    });
  }

  async saveSubscription(id: string, side: BridgeSide, subscription: { id: string; expiresAt: string }): Promise<void> {
    await this.pool.query(`update bridges set subscriptions = subscriptions || jsonb_build_object($2::text, $3::jsonb) where id = $1`, [id, side, JSON.stringify(subscription)]);
  }

  /** Ledger rows of a bridge, newest first, for the console. */
  async messages(workspaceId: string, id: string, limit = 100) {
    const { rows } = await this.pool.query(
      `select m.origin_side, m.origin_id, m.copy_id, m.state, m.last_change_at, m.updated_at from bridge_messages m join bridges b on b.id = m.bridge_id
       where b.id = $1 and b.workspace_id = $2 and (m.copy_id is not null or m.state = 'deleted') order by m.updated_at desc limit $3`, [id, workspaceId, limit]);
    return rows as Array<{ origin_side: BridgeSide; origin_id: string; copy_id: string | null; state: string; last_change_at: Date | null; updated_at: Date }>;
  }
}
