/**
 * write: batched calls per action, each batch marked `writing` in the journal before the call
 * and its per-record outcomes stored after. A refused record never stops the others.
 */
import type pg from 'pg';
import { ConnectorError, isConnectorError } from '../core/index.js';
import type { ConnectorContext, DestinationOperations, WriteOutcome } from '../registry/index.js';
import { updateItems, type ItemUpdate, type JournalItem } from './journal.js';
import { chunk, mapLimit } from './values.js';

export interface WriteOptions {
  loadId: string;
  batchSize: number;
  /** Batches in flight at once; the rate limiter still paces them. @default 3, or 4 when batchSize is 1 */
  concurrency?: number;
  onProgress?: (written: number) => void;
  /** Test hook: called after a batch is marked `writing` and before its call (crash tests). */
  beforeBatch?: () => Promise<void>;
}

function errorOf(error: unknown): { kind: string; message: string; fields: Array<{ field: string; message: string }> } {
  if (isConnectorError(error)) return { kind: error.kind, message: error.message, fields: error.fields };
  return { kind: 'unexpected', message: (error as Error)?.message ?? String(error), fields: [] };
}

async function call(dest: DestinationOperations, ctx: ConnectorContext, action: string, items: JournalItem[], loadId: string): Promise<WriteOutcome[]> {
  try {
    if (action === 'create') return await dest.create(ctx, items.map((i) => i.input), { idempotencyKeys: items.map((i) => `${loadId}-${i.seq}`) });
    if (action === 'update') return await dest.update(ctx, items.map((i) => ({ id: i.targetId!, fields: Object.fromEntries(i.diff.map((d) => [d.field, d.to])) })));
    return await dest.delete(ctx, items.map((i) => i.targetId!));
  } catch (error) {
    // A whole-batch failure is every record's failure, reported per record.
    const failure = isConnectorError(error) ? error : new ConnectorError((error as Error).message, { kind: 'transient' });
    return items.map(() => ({ ok: false, error: failure }));
  }
}

export async function writeItems(pool: pg.Pool, ctx: ConnectorContext, dest: DestinationOperations, items: JournalItem[], options: WriteOptions): Promise<{ written: number; failed: number }> {
  let written = 0;
  let failed = 0;
  const batches: Array<{ action: string; items: JournalItem[] }> = [];
  for (const action of ['create', 'update', 'delete'] as const) {
    const pending = items.filter((i) => i.action === action && i.writeStatus === 'pending');
    for (const part of chunk(pending, options.batchSize)) batches.push({ action, items: part });
  }
  const concurrency = options.concurrency ?? (options.batchSize === 1 ? 4 : 3);
  await mapLimit(batches, concurrency, async (batch) => {
    await updateItems(pool, options.loadId, batch.items.map((i) => ({ seq: i.seq, writeStatus: 'writing' })));
    await options.beforeBatch?.();
    const outcomes = await call(dest, ctx, batch.action, batch.items, options.loadId);
    const updates: ItemUpdate[] = batch.items.map((item, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) {
        written++;
        item.writeStatus = 'written';
        if (batch.action === 'create') item.targetId = outcome.id;
        return { seq: item.seq, writeStatus: 'written', ...(batch.action === 'create' ? { targetId: outcome.id } : {}) };
      }
      failed++;
      item.writeStatus = 'failed';
      const error = errorOf(outcome ? outcome.error : new Error('the connector returned no outcome for this record'));
      item.error = error;
      return { seq: item.seq, writeStatus: 'failed', error };
    });
    await updateItems(pool, options.loadId, updates);
    options.onProgress?.(written + failed);
  });
  return { written, failed };
}
