/**
 * plan: resolve each record's target (by vendor id or natural key), read the current state of
 * everything to be touched (the snapshot), and compute the diff. A dry run stops here.
 */
import type { ConnectorContext, DestinationOperations, ObjectDefinition } from '../registry/index.js';
import type { FieldChange, LoadRecord, PlanItem } from './types.js';
import { chunk, fieldsOf, mapLimit, readConcurrency, recordId, sameValue } from './values.js';
import { readBack } from './verify.js';

export async function planLoad(ctx: ConnectorContext, object: ObjectDefinition, dest: DestinationOperations, records: LoadRecord[], batchSize: number): Promise<PlanItem[]> {
  const keyField = object.naturalKey;
  const keyOf = (r: LoadRecord) => (keyField && r.fields[keyField] !== undefined && r.fields[keyField] !== null ? String(r.fields[keyField]) : null);

  // Resolve natural keys for records without a vendor id.
  const wanted = [...new Set(records.filter((r) => !r.id).map(keyOf).filter((k): k is string => k !== null))];
  const byKey = new Map<string, Record<string, unknown>>();
  if (wanted.length > 0 && dest.findByNaturalKey) {
    const found = await mapLimit(chunk(wanted, batchSize), readConcurrency(batchSize), (part) => dest.findByNaturalKey!(ctx, part));
    for (const part of found) for (const [k, v] of part) byKey.set(normaliseKey(dest, keyField!, k), v);
  }
  const idOfFound = (key: string | null) => {
    const found = key === null ? undefined : byKey.get(normaliseKey(dest, keyField!, key));
    return found ? recordId(found, object.primaryKey) : null;
  };

  const seenKeys = new Set<string>();
  const items: PlanItem[] = records.map((record, seq) => {
    const naturalKey = keyOf(record);
    const base = { seq, op: record.op, naturalKey, input: record.fields, snapshot: null, diff: [] as FieldChange[] };
    const dedupeKey = naturalKey === null ? null : normaliseKey(dest, keyField!, naturalKey);
    if (dedupeKey !== null && record.op !== 'delete') {
      if (seenKeys.has(dedupeKey)) return { ...base, action: 'conflict', targetId: null, reason: `another record in this load has ${keyField} = ${naturalKey}` } as PlanItem;
      seenKeys.add(dedupeKey);
    }
    const existing = record.id ?? idOfFound(naturalKey);
    switch (record.op) {
      case 'create':
        return existing && !record.id
          ? { ...base, action: 'conflict', targetId: existing, reason: `a record with ${keyField} = ${naturalKey} already exists (id ${existing})` }
          : { ...base, action: 'create', targetId: null };
      case 'upsert':
        return { ...base, action: existing ? 'update' : 'create', targetId: existing };
      case 'update':
        return existing ? { ...base, action: 'update', targetId: existing } : { ...base, action: 'conflict', targetId: null, reason: 'no record to update (neither id nor natural key matched)' };
      case 'delete':
        return existing ? { ...base, action: 'delete', targetId: existing } : { ...base, action: 'noop', targetId: null, reason: 'nothing to delete: no record matched' };
    }
  });

  // One vendor record, one change per load: a second record aiming at the same target conflicts.
  const targeted = new Set<string>();
  for (const item of items) {
    if (!item.targetId || (item.action !== 'update' && item.action !== 'delete')) continue;
    if (targeted.has(item.targetId)) Object.assign(item, { action: 'conflict', reason: `another record in this load already changes ${item.targetId}` });
    else targeted.add(item.targetId);
  }

  // Snapshot every record the load will touch, before anything is written, with every field the
  // load writes: a field the connector does not read by default would otherwise look empty, and
  // a rollback would clear it instead of restoring it.
  const targets = [...new Set(items.filter((i) => i.targetId && (i.action === 'update' || i.action === 'delete')).map((i) => i.targetId!))];
  const written = [...new Set(records.flatMap((r) => Object.keys(r.fields)))];
  const current = new Map<string, Record<string, unknown> | null>();
  for (const [id, rec] of await readBack(ctx, dest, targets, batchSize, written)) current.set(id, rec);
  for (const item of items) {
    if (item.action === 'create') {
      item.diff = Object.entries(item.input).map(([field, to]) => ({ field, from: null, to }));
      continue;
    }
    if (item.action !== 'update' && item.action !== 'delete') continue;
    const snapshot = current.get(item.targetId!) ?? null;
    item.snapshot = snapshot;
    if (!snapshot) {
      if (item.action === 'delete') Object.assign(item, { action: 'noop', reason: 'already gone at the vendor' });
      else if (item.op === 'upsert') Object.assign(item, { action: 'create', targetId: null, diff: Object.entries(item.input).map(([field, to]) => ({ field, from: null, to })) });
      else Object.assign(item, { action: 'conflict', reason: `record ${item.targetId} no longer exists` });
      continue;
    }
    const before = fieldsOf(dest, snapshot);
    if (item.action === 'delete') {
      item.diff = Object.entries(before).map(([field, from]) => ({ field, from, to: null }));
      continue;
    }
    item.diff = Object.entries(item.input).filter(([field, to]) => !sameValue(dest, field, to, before[field])).map(([field, to]) => ({ field, from: before[field] ?? null, to }));
    if (item.diff.length === 0) Object.assign(item, { action: 'noop', reason: 'already up to date' });
  }
  return items;
}

function normaliseKey(dest: DestinationOperations, field: string, value: string): string {
  const normalised = dest.normalise ? dest.normalise(field, value) : value;
  return String(normalised).trim().toLowerCase();
}
