import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { MemoryVendor } from '../../test/support/memory-destination.js';
import { memoryConnector } from '../../test/support/memory-connector.js';
import { createTenant, type TenantFixture } from '../../test/support/tenancy.js';
import { silentLogger } from '../core/index.js';
import { recordsFromFile } from './input.js';
import { LoadService } from './service.js';

describe('LoadService', () => {
  let database: TestDatabase;
  let tenant: TenantFixture;
  beforeAll(async () => { database = await createTestDatabase(); tenant = await createTenant(database.pool, 'memory'); });
  afterAll(async () => database.close());

  function setup(batchSize = 10) {
    const vendor = new MemoryVendor(7);
    const ada = vendor.insert({ email: 'ada@x.com', name: 'Ada' });
    const bob = vendor.insert({ email: 'bob@x.com', name: 'Bob' });
    const loads = new LoadService({ pool: database.pool, contexts: memoryConnector(vendor, batchSize), logger: silentLogger });
    return { vendor, ada, bob, loads };
  }
  const plan = (loads: LoadService, records: Array<{ op: 'create' | 'update' | 'upsert' | 'delete'; id?: string; fields?: Record<string, unknown> }>, options = {}) =>
    loads.plan({ workspaceId: tenant.workspaceId, connectionId: tenant.connectionId, object: 'contacts', records: records.map((r) => ({ fields: {}, ...r })), options });

  it('dry-runs a load: the diff by natural key, and nothing written', async () => {
    const { vendor, loads } = setup();
    const before = JSON.stringify([...vendor.records]);
    const { items, report } = await plan(loads, [
      { op: 'upsert', fields: { email: 'ADA@x.com', name: 'Ada Lovelace' } },
      { op: 'upsert', fields: { email: 'cy@x.com', name: 'Cy' } },
      { op: 'upsert', fields: { email: 'bob@x.com', name: 'Bob' } },
      { op: 'create', fields: { email: 'bob@x.com', name: 'Bobby' } },
    ], { dryRun: true });
    expect(items.map((i) => i.action)).toEqual(['update', 'create', 'noop', 'conflict']);
    expect(items[0]!.diff).toEqual([{ field: 'name', from: 'Ada', to: 'Ada Lovelace' }]);
    expect(report.counts).toMatchObject({ total: 4, create: 1, update: 1, noop: 1, conflict: 1 });
    expect(JSON.stringify([...vendor.records])).toBe(before);
  });

  it('writes, verifies, and reports a refused record by field without stopping the others', async () => {
    const { vendor, bob, loads } = setup();
    const { loadId } = await plan(loads, [
      { op: 'create', fields: { email: 'cy@x.com', name: 'Cy' } },
      { op: 'create', fields: { email: 'not-an-email', name: 'Bad' } },
      { op: 'update', id: bob, fields: { name: 'Robert' } },
    ], { rollbackThreshold: 1 });
    const report = await loads.run(loadId);
    expect(report).toMatchObject({ status: 'partially_failed', written: 2, failed: 1, verified: 2 });
    expect(report.errors[0]).toMatchObject({ seq: 1, kind: 'validation', fields: [{ field: 'email', message: 'is not an email' }] });
    expect(vendor.records.get(bob)!.name).toBe('Robert');
  });

  it('counts a delete only when a read after it says the record is gone, and rolls back', async () => {
    const { vendor, ada, bob, loads } = setup();
    const { loadId } = await plan(loads, [{ op: 'delete', id: ada }, { op: 'update', id: bob, fields: { name: 'B' } }], { batchSize: 1 });
    vendor.faults = ['fake_delete'];
    vendor.faultRate = 1;
    const report = await loads.run(loadId);
    vendor.faultRate = 0;
    const item = (await loads.get(tenant.workspaceId, loadId))!.items[0]!;
    expect(item.verifyStatus).toBe('still_present');
    expect(report.status).toBe('rolled_back');
    expect(vendor.records.get(ada)).toBeDefined();
    expect(vendor.records.get(bob)!.name).toBe('Bob');
  });

  it('rolls back on demand: creations deleted, updates restored, a deletion re-created and reported under its new id', async () => {
    const { vendor, ada, bob, loads } = setup();
    const { loadId } = await plan(loads, [
      { op: 'create', fields: { email: 'cy@x.com', name: 'Cy' } },
      { op: 'update', id: bob, fields: { name: 'Robert', email: 'robert@x.com' } },
      { op: 'delete', id: ada },
    ]);
    expect((await loads.run(loadId)).status).toBe('succeeded');
    const report = await loads.rollback(loadId, tenant.workspaceId);
    expect(report.status).toBe('rollback_incomplete');
    expect(report.rollback).toMatchObject({ trigger: 'on_demand', restored: 2, recreated: 1, unrecoverable: 0, failed: 0 });
    expect(report.rollback!.items[0]!.detail).toMatch(/new id/);
    expect(vendor.records.get(bob)).toMatchObject({ name: 'Bob', email: 'bob@x.com' });
    expect([...vendor.records.values()].some((r) => r.email === 'cy@x.com')).toBe(false);
    expect([...vendor.records.values()].filter((r) => r.email === 'ada@x.com')).toHaveLength(1);
  });

  it('rolls back a load that crashed mid-write from the journal', async () => {
    const { vendor, bob, loads } = setup(1);
    const { loadId } = await plan(loads, [
      { op: 'update', id: bob, fields: { name: 'Robert' } },
      { op: 'create', fields: { email: 'cy@x.com', name: 'Cy' } },
      { op: 'create', fields: { email: 'dee@x.com', name: 'Dee' } },
    ]);
    let batches = 0;
    loads.beforeWriteBatch = async () => { if (++batches === 3) throw new Error('killed'); };
    await expect(loads.run(loadId)).rejects.toThrow('killed');
    loads.beforeWriteBatch = undefined;
    const report = await loads.rollback(loadId);
    expect(report.rollback!.trigger).toBe('crash');
    expect(report.status).toBe('rolled_back');
    expect(vendor.records.get(bob)!.name).toBe('Bob');
    expect([...vendor.records.values()].map((r) => r.email).sort()).toEqual(['ada@x.com', 'bob@x.com']);
  });

  it('reads load records from CSV and JSON, naming a bad record by position', () => {
    expect(recordsFromFile('op,email,name\nupsert,a@x.com,A\n,b@x.com,B\n', 'csv')).toEqual([
      { op: 'upsert', fields: { email: 'a@x.com', name: 'A' } }, { op: 'upsert', fields: { email: 'b@x.com', name: 'B' } },
    ]);
    expect(() => recordsFromFile('[{"op":"explode","fields":{}}]', 'json')).toThrow(/record 1: op/);
    expect(() => recordsFromFile('{', 'json')).toThrow(/does not parse/);
  });
});
