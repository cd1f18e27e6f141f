/**
 * The property one random load must keep, read straight from the sandbox's store after it: the
 * vendor holds the expected state (verified writes there, failed ones left untouched, nothing
 * else changed), or after a rollback the snapshot, except what the report names as re-created
 * (checked under the new id) or unrecoverable; and no delete is ever reported that did not happen.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import type { JournalItem, LoadReport } from '../../../src/load/index.js';

export type Rec = Record<string, unknown>;

/** How a case compares its vendor's store form (`LoadSandbox.records()`) with the load's. */
export interface VendorForm {
  /** Whether a stored record holds the written fields (load field names), after the vendor's normalisation. */
  holds(current: Rec, fields: Rec): boolean;
  /** The fields of a stored record that a re-creation carries over (the rest the vendor sets itself). */
  carried(record: Rec): Rec;
  /** What a record re-created from the journal's snapshot (the connector's `get` form) must hold, in `carried`'s form. */
  fromSnapshot(snapshot: Rec): Rec;
}

export interface LoadTally {
  restored: number;
  /** Rollback items the vendor refused for good, reported failed (only where the case allows). */
  refused: number;
  /** Records created though their create was reported failed for want of an answer (unkeyed objects only). */
  lostCreates: number;
  recreated: number;
  unrecoverable: number;
  /** Re-created records that lack a field the original had, because the snapshot never read it. */
  recreatedWithFieldsLost: number;
}

export interface CheckOptions {
  /**
   * A rollback item may stay `failed` after a retry on the healthy vendor (the vendor refused it
   * for good, and the report says so); such records are excused.
   */
  refusals?: boolean;
  /**
   * The object has no natural key: a create whose answer was lost (a transient failure) may have
   * landed, and nothing can find it again; a stray record holding such a create's input is excused.
   */
  unkeyed?: boolean;
}

export function checkLoad(label: string, vendor: VendorForm, before: Map<string, Rec>, after: Map<string, Rec>, items: JournalItem[], report: LoadReport, tally: LoadTally, options: CheckOptions = {}): void {
  const rolledBack = report.status === 'rolled_back' || report.status === 'rollback_incomplete';
  for (const item of items) {
    expect(['pending', 'writing'], `${label} item ${item.seq}: a finished load left a write ${item.writeStatus}`).not.toContain(item.writeStatus);
    // No delete is ever reported that did not happen: after one verified, the rollback cannot find it still there.
    if (item.action === 'delete' && item.verifyStatus === 'verified') {
      if (!rolledBack) expect(after.has(item.targetId!), `${label}: delete of ${item.targetId} reported but it is there`).toBe(false);
      else expect(item.rollbackStatus, `${label}: delete of ${item.targetId} reported, and the rollback found it never happened`).not.toBe('not_needed');
    }
  }
  const strays = options.unkeyed ? lostCreates(vendor, before, after, items, tally) : new Set<string>();
  if (rolledBack) checkRolledBack(label, vendor, before, after, items, report, tally, options.refusals ?? false, strays);
  else checkWritten(label, vendor, before, after, items, strays);
}

/** Records that landed from creates reported failed for want of an answer, one per such create. */
function lostCreates(vendor: VendorForm, before: Map<string, Rec>, after: Map<string, Rec>, items: JournalItem[], tally: LoadTally): Set<string> {
  const known = new Set(items.map((i) => i.targetId).filter(Boolean));
  const candidates = [...after].filter(([id]) => !before.has(id) && !known.has(id));
  const strays = new Set<string>();
  for (const item of items.filter((i) => i.action === 'create' && i.writeStatus === 'failed' && i.error?.kind === 'transient')) {
    const found = candidates.find(([id, record]) => !strays.has(id) && vendor.holds(record, item.input));
    if (found) strays.add(found[0]);
  }
  tally.lostCreates += strays.size;
  return strays;
}

function checkRolledBack(label: string, vendor: VendorForm, before: Map<string, Rec>, after: Map<string, Rec>, items: JournalItem[], report: LoadReport, tally: LoadTally, refusals: boolean, strays: Set<string>): void {
  const rollback = report.rollback!;
  if (!refusals) expect(rollback.failed, `${label}: rollback failed items after a healthy retry: ${JSON.stringify(rollback.items)}`).toBe(0);
  expect(report.status, `${label}: a rollback with items it could not restore is incomplete`).toBe(rollback.failed + rollback.unrecoverable + rollback.recreated > 0 ? 'rollback_incomplete' : 'rolled_back');
  tally.restored += rollback.restored;
  const excused = new Set<string>(strays);
  const recreatedIds = new Set<string>();
  for (const r of rollback.items) {
    const item = items[r.seq]!;
    if (r.status === 'failed') {
      // Refused by the vendor, not lost on the way: a retry on the healthy vendor met the same answer.
      expect(r.detail, `${label}: rollback item ${r.seq} failed without the vendor refusing it`).not.toMatch(/did not answer/);
      tally.refused++;
      if (item.targetId) excused.add(item.targetId);
    }
    if (r.status === 'unrecoverable') {
      tally.unrecoverable++;
      if (item.targetId) excused.add(item.targetId);
    }
    if (r.status === 'recreated') {
      tally.recreated++;
      // Re-created deletions carry the snapshot's fields under their new id.
      const newId = /new id (\S+);/.exec(r.detail)![1]!;
      recreatedIds.add(newId);
      excused.add(item.targetId!);
      expect(after.has(item.targetId!), `${label}: ${item.targetId} re-created, yet still there`).toBe(false);
      expect(after.get(newId) && vendor.carried(after.get(newId)!), `${label}: ${newId} does not carry the snapshot of ${item.targetId}`).toEqual(vendor.fromSnapshot(item.snapshot!));
      if (!isDeepStrictEqual(vendor.fromSnapshot(item.snapshot!), vendor.carried(before.get(item.targetId!)!))) tally.recreatedWithFieldsLost++;
    }
  }
  // Every record is back to its snapshot, and nothing the load created survived.
  for (const [id, record] of before) if (!excused.has(id)) expect(after.get(id), `${label}: ${id} not back to its snapshot`).toEqual(record);
  for (const id of after.keys()) {
    if (!before.has(id) && !recreatedIds.has(id) && !excused.has(id)) throw new Error(`${label}: ${id} survived the rollback (${JSON.stringify(after.get(id))})`);
  }
}

function checkWritten(label: string, vendor: VendorForm, before: Map<string, Rec>, after: Map<string, Rec>, items: JournalItem[], strays: Set<string>): void {
  // Every verified write is at the vendor; every failed one left its record untouched.
  const touched = new Set(items.filter((i) => i.writeStatus === 'written' && i.targetId).map((i) => i.targetId!));
  const created = new Set(items.filter((i) => i.action === 'create' && i.writeStatus === 'written').map((i) => i.targetId!));
  for (const item of items) {
    const current = item.targetId ? after.get(item.targetId) : undefined;
    const at = `${label} item ${item.seq} (${item.action} ${item.targetId ?? item.naturalKey})`;
    if (item.writeStatus === 'written') {
      if (item.verifyStatus === 'verified') {
        if (item.action === 'delete') expect(current, at).toBeUndefined();
        else {
          const fields = item.action === 'update' ? Object.fromEntries(item.diff.map((d) => [d.field, d.to])) : item.input;
          expect(current && vendor.holds(current, fields), `${at}: verified but the vendor holds ${JSON.stringify(current)}`).toBe(true);
        }
      } else if (item.verifyStatus === 'still_present') {
        expect(current, `${at}: a delete that deleted nothing changed the record`).toEqual(before.get(item.targetId!));
      } else {
        throw new Error(`${at}: written but ${item.verifyStatus}`);
      }
    }
    if (item.writeStatus === 'failed' && item.action !== 'create') {
      expect(current, `${at}: failed ${item.action} changed the record`).toEqual(before.get(item.targetId!));
    }
  }
  for (const [id, record] of before) if (!touched.has(id)) expect(after.get(id), `${label}: ${id} changed though no write touched it`).toEqual(record);
  // A failed create that landed all the same would show here: a record no written create made.
  for (const id of after.keys()) if (!before.has(id) && !created.has(id) && !strays.has(id)) throw new Error(`${label}: ${id} appeared without a written create (${JSON.stringify(after.get(id))})`);
}
