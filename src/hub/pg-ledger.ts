/**
 * The ledger in PostgreSQL. `withOrigin` holds the origin's row locked (inserted if new) for the
 * duration of the remote call, so two workers handling redeliveries of one message serialise and
 * the second sees what the first posted.
 */
import type pg from 'pg';
import { withTransaction } from '../db/transaction.js';
import type { BridgeLedger, LedgerEntry } from './ledger.js';
import { otherSide, type BridgeSide } from './types.js';

interface Row { copy_id: string | null; state: 'live' | 'deleted'; text_hash: string | null; last_change_at: Date | string | null }

export class PostgresLedger implements BridgeLedger {
  constructor(private readonly pool: pg.Pool) {}

  async isCopy(bridgeId: string, side: BridgeSide, messageId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'select 1 from bridge_messages where bridge_id = $1 and origin_side = $2 and copy_id = $3', [bridgeId, otherSide(side), messageId]);
    return (rowCount ?? 0) > 0;
  }

  async counterpart(bridgeId: string, side: BridgeSide, messageId: string) {
    const { rows } = await this.pool.query<{ id: string | null; state: string }>(
      `select copy_id as id, state from bridge_messages where bridge_id = $1 and origin_side = $2 and origin_id = $3
         and (copy_id is not null or state = 'deleted')
       union all
       select origin_id as id, state from bridge_messages where bridge_id = $1 and origin_side = $4 and copy_id = $3
       limit 1`, [bridgeId, side, messageId, otherSide(side)]);
    return rows[0] ? { id: rows[0].id, deleted: rows[0].state === 'deleted' } : undefined;
  }

  async withOrigin<T>(bridgeId: string, side: BridgeSide, originId: string, fn: (entry: LedgerEntry | null) => Promise<{ entry?: LedgerEntry; result: T }>): Promise<T> {
    return withTransaction(this.pool, async (client) => {
      // A fresh row (no copy, no text) stands for "unseen"; it vanishes with a rollback.
      await client.query(
        'insert into bridge_messages (bridge_id, origin_side, origin_id) values ($1, $2, $3) on conflict do nothing', [bridgeId, side, originId]);
      const { rows } = await client.query<Row>(
        'select copy_id, state, text_hash, last_change_at from bridge_messages where bridge_id = $1 and origin_side = $2 and origin_id = $3 for update',
        [bridgeId, side, originId]);
      const row = rows[0]!;
      const seen = row.copy_id !== null || row.text_hash !== null || row.state !== 'live';
      const { entry, result } = await fn(seen ? toEntry(row) : null);
      if (entry) {
        await client.query(
          `update bridge_messages set copy_id = $4, state = $5, text_hash = $6, last_change_at = $7, updated_at = now()
           where bridge_id = $1 and origin_side = $2 and origin_id = $3`,
          [bridgeId, side, originId, entry.copyId, entry.state, entry.textHash, entry.lastChangeAt]);
      }
      return result;
    });
  }
}

function toEntry(row: Row): LedgerEntry {
  const at = row.last_change_at;
  return { copyId: row.copy_id, state: row.state, textHash: row.text_hash, lastChangeAt: at === null ? null : new Date(at).toISOString() };
}
