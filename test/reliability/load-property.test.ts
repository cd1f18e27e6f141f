/**
 * Property: over 500 random loads (mixed operations, random batch sizes, random faults: timeouts
 * before and after the vendor applied the write, 503, partial batch failures, 2xx deletes that
 * delete nothing), the vendor ends in the expected state, or after a rollback in the snapshot,
 * except what the report names as unrecoverable; and no delete is ever reported that did not happen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/index.js';
import { LoadService, type LoadRecord } from '../../src/load/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { MemoryVendor, type MemoryFault } from '../support/memory-destination.js';
import { memoryConnector } from '../support/memory-connector.js';
import { createTenant, type TenantFixture } from '../support/tenancy.js';

const LOADS = 500;
const FAULTS: MemoryFault[] = ['timeout_before', 'timeout_after', 'unavailable', 'partial', 'fake_delete'];

function randomLoad(vendor: MemoryVendor): LoadRecord[] {
  const ids = [...vendor.records.keys()];
  const count = 1 + Math.floor(vendor.random() * 12);
  const records: LoadRecord[] = [];
  for (let i = 0; i < count; i++) {
    const roll = vendor.random();
    const existing = ids[Math.floor(vendor.random() * ids.length)];
    const name = `n${Math.floor(vendor.random() * 1000)}`;
    if (roll < 0.3) records.push({ op: 'create', fields: { email: `new${Math.floor(vendor.random() * 1e9)}@x.com`, name } });
    else if (roll < 0.55 && existing) records.push({ op: 'update', id: existing, fields: { name } });
    else if (roll < 0.75) records.push({ op: 'upsert', fields: { email: existing ? String(vendor.records.get(existing)!.email) : `u${i}@x.com`, name } });
    else if (existing) records.push({ op: 'delete', id: existing, fields: {} });
    if (vendor.random() < 0.05) records.push({ op: 'create', fields: { email: 'broken', name } });
  }
  return records;
}

describe('load engine property', () => {
  let database: TestDatabase;
  let tenant: TenantFixture;
  beforeAll(async () => { database = await createTestDatabase(); tenant = await createTenant(database.pool, 'memory'); });
  afterAll(async () => database.close());

  it(`keeps the vendor exact over ${LOADS} random loads with random faults`, async () => {
    const vendor = new MemoryVendor(20261123);
    for (let i = 0; i < 30; i++) vendor.insert({ email: `seed${i}@x.com`, name: `s${i}` });
    let rolledBack = 0;
    let faultsSeen = 0;
    for (let n = 0; n < LOADS; n++) {
      const batchSize = 1 + Math.floor(vendor.random() * 5);
      const loads = new LoadService({ pool: database.pool, contexts: memoryConnector(vendor, batchSize), logger: silentLogger });
      const records = randomLoad(vendor);
      vendor.faultRate = 0;
      const before = new Map([...vendor.records].map(([id, r]) => [id, { ...r }]));
      const { loadId } = await loads.plan({ workspaceId: tenant.workspaceId, connectionId: tenant.connectionId, object: 'contacts', records, options: { rollbackThreshold: vendor.random() < 0.5 ? 0 : 1 } });
      vendor.faults = FAULTS;
      vendor.faultRate = vendor.random() * 0.4;
      let report = await loads.run(loadId);
      vendor.faultRate = 0;
      // Faults can hit the rollback itself: it reports those items failed, and a rollback on
      // demand later (the vendor healthy again) finishes the job.
      if (report.rollback && report.rollback.failed > 0) report = await loads.rollback(loadId);
      // And some loads are rolled back on demand afterwards, with faults during the rollback too.
      if (!report.rollback && vendor.random() < 0.15) {
        vendor.faultRate = 0.2;
        report = await loads.rollback(loadId);
        vendor.faultRate = 0;
        if (report.rollback!.failed > 0) report = await loads.rollback(loadId);
      }
      const { items } = (await loads.get(tenant.workspaceId, loadId))!;
      if (report.rollback && report.rollback.failed > 0) throw new Error(`load ${n}: rollback left failures after a healthy retry`);
      if (items.some((i) => i.writeStatus === 'failed' || i.verifyStatus !== 'verified')) faultsSeen++;

      // No delete is ever reported that did not happen.
      for (const item of items.filter((i) => i.action === 'delete' && i.verifyStatus === 'verified' && i.rollbackStatus === 'none' && !report.rollback)) {
        expect(vendor.records.has(item.targetId!), `load ${n}: delete of ${item.targetId} reported but it is there`).toBe(false);
      }
      if (report.status === 'rolled_back' || report.status === 'rollback_incomplete') {
        rolledBack++;
        const unrecoverable = new Set(report.rollback!.items.filter((r) => r.status !== 'failed').map((r) => r.seq));
        for (const item of items) {
          if (unrecoverable.has(item.seq)) continue;
          if (item.action === 'create' && item.targetId) expect(vendor.records.has(item.targetId), `load ${n}: created ${item.targetId} survived rollback`).toBe(false);
          if (item.action === 'update') expect(vendor.records.get(item.targetId!), `load ${n}: update not restored`).toEqual(before.get(item.targetId!));
          if (item.action === 'delete') expect(vendor.records.get(item.targetId!), `load ${n}: delete not restored`).toEqual(before.get(item.targetId!));
        }
        // Re-created deletions carry the snapshot's fields under their new id.
        for (const r of report.rollback!.items.filter((x) => x.status === 'recreated')) {
          const newId = /new id (\S+);/.exec(r.detail)![1]!;
          const { id: _a, ...was } = before.get(items[r.seq]!.targetId!)!;
          const { id: _b, ...now } = vendor.records.get(newId)!;
          expect(now).toEqual(was);
        }
        expect(report.rollback!.failed, `load ${n}: rollback failed items`).toBe(0);
      } else {
        // Every verified write is at the vendor; every failed one left its record untouched.
        for (const item of items) {
          const current = item.targetId ? vendor.records.get(item.targetId) : undefined;
          if (item.verifyStatus === 'verified' && item.action !== 'delete') expect(current, `load ${n} item ${item.seq}`).toMatchObject(item.action === 'update' ? Object.fromEntries(item.diff.map((d) => [d.field, d.to])) : item.input);
          if (item.writeStatus === 'failed' && item.action === 'update') expect(current, `load ${n}: failed update changed the record`).toEqual(before.get(item.targetId!));
          if (item.writeStatus === 'failed' && item.action === 'create') expect([...vendor.records.values()].some((r) => r.email === item.input.email && !before.has(String(r.id))), `load ${n}: failed create landed`).toBe(false);
        }
      }
    }
    // The faults really happened and rollbacks really ran: the property was exercised, not skipped.
    expect(faultsSeen).toBeGreaterThan(50);
    expect(rolledBack).toBeGreaterThan(20);
  }, 120_000);
});
