/**
 * verify: read back what was written and compare after the vendor's normalisation. A delete
 * counts only when a read after it says the record is gone, never on the 2xx alone.
 */
import type pg from 'pg';
import type { ConnectorContext, DestinationOperations } from '../registry/index.js';
import { updateItems, type ItemUpdate, type JournalItem } from './journal.js';
import type { VerifyStatus } from './types.js';
import { chunk, fieldsOf, mapLimit, readConcurrency, recordId, sameValue, verifiableFields } from './values.js';

export async function readBack(ctx: ConnectorContext, dest: DestinationOperations, ids: string[], batchSize: number, fields?: string[]): Promise<Map<string, Record<string, unknown> | null>> {
  const found = new Map<string, Record<string, unknown> | null>();
  // A few reads in flight: the rate limiter paces them, the vendor's latency no longer does.
  const parts = await mapLimit(chunk([...new Set(ids)], batchSize), readConcurrency(batchSize), (part) => (fields ? dest.get(ctx, part, { fields }) : dest.get(ctx, part)));
  for (const part of parts) for (const [id, rec] of part) found.set(id, rec);
  return found;
}

export function verdict(dest: DestinationOperations, item: JournalItem, current: Record<string, unknown> | null | undefined): VerifyStatus {
  if (item.action === 'delete') return current ? 'still_present' : 'verified';
  if (!current) return 'missing';
  const actual = fieldsOf(dest, current);
  const expected = item.action === 'update' ? Object.fromEntries(item.diff.map((d) => [d.field, d.to])) : item.input;
  return verifiableFields(dest, expected).every((f) => sameValue(dest, f, expected[f], actual[f])) ? 'verified' : 'mismatch';
}

/**
 * A transient failure (timeout, reset) is ambiguous: the vendor may have applied the write before
 * the answer was lost. Read the truth back rather than report a failure that did not happen.
 */
async function settleAmbiguous(ctx: ConnectorContext, dest: DestinationOperations, items: JournalItem[], batchSize: number, primaryKey: string): Promise<ItemUpdate[]> {
  const ambiguous = items.filter((i) => i.writeStatus === 'failed' && i.error?.kind === 'transient');
  const updates: ItemUpdate[] = [];
  const creates = ambiguous.filter((i) => i.action === 'create' && i.naturalKey);
  if (creates.length > 0 && dest.findByNaturalKey) {
    const found = new Map([...(await dest.findByNaturalKey(ctx, creates.map((i) => i.naturalKey!)))].map(([k, v]) => [k.toLowerCase(), v]));
    for (const item of creates) {
      const record = found.get(item.naturalKey!.toLowerCase());
      if (record) Object.assign(item, { writeStatus: 'written', targetId: recordId(record, primaryKey), error: null });
    }
  }
  const others = ambiguous.filter((i) => i.action !== 'create' && i.targetId);
  const current = await readBack(ctx, dest, others.map((i) => i.targetId!), batchSize);
  for (const item of others) if (verdict(dest, item, current.get(item.targetId!)) === 'verified') Object.assign(item, { writeStatus: 'written', error: null });
  for (const item of ambiguous.filter((i) => i.writeStatus === 'written')) updates.push({ seq: item.seq, writeStatus: 'written', targetId: item.targetId, error: null });
  return updates;
}

export async function verifyItems(pool: pg.Pool, ctx: ConnectorContext, dest: DestinationOperations, items: JournalItem[], loadId: string, batchSize: number, primaryKey: string): Promise<{ verified: number; failed: number }> {
  await updateItems(pool, loadId, await settleAmbiguous(ctx, dest, items, batchSize, primaryKey));
  const written = items.filter((i) => i.writeStatus === 'written' && i.targetId);
  const current = await readBack(ctx, dest, written.map((i) => i.targetId!), batchSize);
  const updates: ItemUpdate[] = [];
  let verified = 0;
  for (const item of written) {
    const status = verdict(dest, item, current.get(item.targetId!));
    item.verifyStatus = status;
    if (status === 'verified') verified++;
    updates.push({ seq: item.seq, verifyStatus: status });
  }
  await updateItems(pool, loadId, updates);
  return { verified, failed: written.length - verified };
}
