/**
 * rollback: undo what the journal says was (or may have been) written: delete creations,
 * restore updated fields to the snapshot, re-create deletions where the vendor allows. Then read
 * back to verify the rollback itself, and report exactly what could not be restored.
 */
import type pg from 'pg';
import { isConnectorError } from '../core/index.js';
import type { ConnectorContext, DestinationOperations } from '../registry/index.js';
import { updateItems, type ItemUpdate, type JournalItem } from './journal.js';
import type { RollbackStatus } from './types.js';
import { readBack } from './verify.js';
import { chunk, fieldsOf, recordId, sameValue } from './values.js';

export interface RollbackItemResult {
  seq: number;
  status: RollbackStatus;
  detail: string;
}

const needsRollback = (i: JournalItem) =>
  (i.writeStatus === 'written' || i.writeStatus === 'writing') && (i.rollbackStatus === 'none' || i.rollbackStatus === 'failed');

async function locateInterruptedCreates(ctx: ConnectorContext, dest: DestinationOperations, keyField: string | undefined, primaryKey: string, items: JournalItem[]): Promise<void> {
  const unknown = items.filter((i) => i.action === 'create' && !i.targetId && i.naturalKey);
  if (unknown.length === 0 || !dest.findByNaturalKey || !keyField) return;
  const found = await dest.findByNaturalKey(ctx, unknown.map((i) => i.naturalKey!));
  const lower = new Map([...found].map(([k, v]) => [k.toLowerCase(), v]));
  for (const item of unknown) {
    const record = lower.get(item.naturalKey!.toLowerCase());
    if (record) item.targetId = recordId(record, primaryKey);
  }
}

/** Rollback is the last line: retry a transient failure a few times before reporting it. */
async function attempt<T>(fn: () => Promise<T>, tries = 4): Promise<T | undefined> {
  for (let i = 0; i < tries; i++) {
    try {
      return await fn();
    } catch (error) {
      if (!isConnectorError(error) || error.kind !== 'transient' || i === tries - 1) return undefined;
    }
  }
  return undefined;
}

export async function rollbackItems(pool: pg.Pool, ctx: ConnectorContext, dest: DestinationOperations, items: JournalItem[], options: { loadId: string; batchSize: number; naturalKeyField?: string; primaryKey: string }): Promise<RollbackItemResult[]> {
  const todo = items.filter(needsRollback);
  await locateInterruptedCreates(ctx, dest, options.naturalKeyField, options.primaryKey, todo);
  const results = new Map<number, RollbackItemResult>();
  const set = (item: JournalItem, status: RollbackStatus, detail: string) => results.set(item.seq, { seq: item.seq, status, detail });

  // Creations: delete what exists; an interrupted create that never landed needs nothing.
  const creations = todo.filter((i) => i.action === 'create');
  for (const item of creations.filter((i) => !i.targetId)) {
    if (item.writeStatus === 'writing' && item.naturalKey) set(item, 'not_needed', 'the interrupted create never reached the vendor');
    else set(item, 'unrecoverable', 'the created record cannot be found: its id was never returned and it has no natural key');
  }
  for (const part of chunk(creations.filter((i) => i.targetId), options.batchSize)) await attempt(() => dest.delete(ctx, part.map((i) => i.targetId!)));

  // Updates: write the snapshot's values back for exactly the fields the load changed.
  const updates = todo.filter((i) => i.action === 'update' && i.snapshot);
  const before = (i: JournalItem) => fieldsOf(dest, i.snapshot);
  for (const part of chunk(updates, options.batchSize)) {
    await attempt(() => dest.update(ctx, part.map((i) => ({ id: i.targetId!, fields: Object.fromEntries(i.diff.map((d) => [d.field, before(i)[d.field] ?? ''])) }))));
  }

  // Deletions: a record still there needs nothing; a gone one is re-created where the vendor allows.
  const deletions = todo.filter((i) => i.action === 'delete' && i.targetId);
  const stillThere = await readBack(ctx, dest, deletions.map((i) => i.targetId!), options.batchSize);
  for (const item of deletions) {
    if (stillThere.get(item.targetId!)) { set(item, 'not_needed', 'the record was never deleted at the vendor'); continue; }
    if (!dest.restore || !item.snapshot) { set(item, 'unrecoverable', 'the vendor cannot restore a deleted record'); continue; }
    const outcome = await attempt(() => dest.restore!(ctx, item.targetId!, item.snapshot!));
    if (!outcome) set(item, 'failed', 're-creating failed: the vendor did not answer');
    else if (!outcome.ok) set(item, 'failed', `re-creating failed: ${outcome.error.message}`);
    else if (outcome.id === item.targetId) set(item, 'restored', 'restored under its original id');
    else set(item, 'recreated', `re-created under a new id ${outcome.id}; the original id ${item.targetId} is gone`);
  }

  // Verify the rollback itself by reading everything back.
  const check = await readBack(ctx, dest, [...creations, ...updates].filter((i) => i.targetId).map((i) => i.targetId!), options.batchSize);
  for (const item of creations.filter((i) => i.targetId)) {
    set(item, check.get(item.targetId!) ? 'failed' : 'restored', check.get(item.targetId!) ? 'the created record is still there after deleting it' : 'created record deleted');
  }
  for (const item of updates) {
    const now = fieldsOf(dest, check.get(item.targetId!));
    const ok = check.get(item.targetId!) && item.diff.every((d) => sameValue(dest, d.field, before(item)[d.field], now[d.field]));
    set(item, ok ? 'restored' : 'failed', ok ? 'fields restored to the snapshot' : 'the record does not match the snapshot after restoring');
  }
  const list = [...results.values()].sort((a, b) => a.seq - b.seq);
  const updatesForJournal: ItemUpdate[] = list.map((r) => ({ seq: r.seq, rollbackStatus: r.status, rollbackDetail: r.detail }));
  await updateItems(pool, options.loadId, updatesForJournal);
  for (const item of todo) {
    const result = results.get(item.seq);
    if (result) Object.assign(item, { rollbackStatus: result.status, rollbackDetail: result.detail });
  }
  return list;
}
