/**
 * Writing behaviours: the new id taken from `Location`, records read back flat, a delete
 * confirmed by the read after it (404 NONEXISTENT_ID), per-record refusals named by field,
 * natural keys matched case-blind (oldest first), the external-id upsert, the subsidiary default,
 * and a revoked token stopping the load instead of failing record by record.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isConnectorError } from '../../src/core/index.js';
import { upsertByExternalId } from './destination/upsert.js';
import { destinationOf, netsuiteHarness } from './fixtures/context.js';
import { CUSTOMER } from './objects.js';
import { startNetsuiteSandbox, type NetsuiteSandbox } from './sandbox/index.js';

let sandbox: NetsuiteSandbox | undefined;
afterEach(async () => { await sandbox?.stop(); sandbox = undefined; });

const keys = (n: number) => ({ idempotencyKeys: Array.from({ length: n }, (_, i) => `k${i}`) });

describe('writing to NetSuite', () => {
  it('creates with POST, takes the id from Location and reads the record back flat', async () => {
    sandbox = await startNetsuiteSandbox({ seed: { customer: 1 } });
    const { ctx } = await netsuiteHarness(sandbox);
    const [company] = sandbox.store.liveIds('customer');
    const [outcome] = await destinationOf('contact').create(ctx, [{ firstName: 'Mary', lastName: 'Evans', email: 'mary@example.com', company: company! }], keys(1));
    expect(outcome).toEqual({ ok: true, id: expect.stringMatching(/^\d+$/) });
    const write = sandbox.server.requestLog.find((r) => r.method === 'POST')!;
    expect(write.status).toBe(204);
    expect(write.body).toEqual({ firstName: 'Mary', lastName: 'Evans', email: 'mary@example.com', company: { id: company } });
    const record = (await destinationOf('contact').get(ctx, [outcome!.ok ? outcome!.id : '']))!.values().next().value!;
    expect(record).toMatchObject({ firstName: 'Mary', email: 'mary@example.com', company, entityId: 'Mary Evans', lastModifiedDate: expect.stringMatching(/Z$/) });
    expect(record).not.toHaveProperty('links');
  });

  it('confirms a delete by the read after it, and takes a second delete as done', async () => {
    sandbox = await startNetsuiteSandbox({ seed: { customer: 1, contact: 1 } });
    const { ctx } = await netsuiteHarness(sandbox);
    const [id] = sandbox.store.liveIds('contact');
    const dest = destinationOf('contact');
    expect(await dest.delete(ctx, [id!])).toEqual([{ ok: true, id }]);
    expect((await dest.get(ctx, [id!])).get(id!)).toBeNull();
    const read = sandbox.server.requestLog.at(-1)!;
    expect(read).toMatchObject({ method: 'GET', status: 404 });
    expect(await dest.delete(ctx, [id!])).toEqual([{ ok: true, id }]);
    const [update] = await dest.update(ctx, [{ id: id!, fields: { title: 'Gone' } }]);
    expect(update!.ok ? null : update!.error.kind).toBe('not_found');
  });

  it('names the fields of a refused record and gives a new customer the connection\'s subsidiary', async () => {
    sandbox = await startNetsuiteSandbox();
    const { ctx } = await netsuiteHarness(sandbox);
    const dest = destinationOf('customer');
    const [noName, ok] = await dest.create(ctx, [{ email: 'x@example.com' }, { companyName: 'Umbrella', email: 'ap@umbrella.example' }], keys(2));
    expect(noName!.ok ? [] : noName!.error.fields.map((f) => f.field)).toEqual(['companyName']);
    expect(noName!.ok ? null : noName!.error.kind).toBe('validation');
    const created = (await dest.get(ctx, [ok!.ok ? ok!.id : '']))!.values().next().value!;
    expect(created).toMatchObject({ companyName: 'Umbrella', subsidiary: '1' });
    const [bad] = await destinationOf('contact').create(ctx, [{ firstName: 'X', email: 'not-an-email', company: '999999' }], keys(1));
    expect(bad!.ok ? [] : bad!.error.fields.map((f) => f.field).sort()).toEqual(['company', 'email']);
  });

  it('finds records by email case-blind, the oldest when several share it', async () => {
    sandbox = await startNetsuiteSandbox();
    const { ctx } = await netsuiteHarness(sandbox);
    const dest = destinationOf('contact');
    const [older] = await dest.create(ctx, [{ firstName: 'A', email: 'Shared@Example.com' }], keys(1));
    await dest.create(ctx, [{ firstName: 'B', email: 'shared@example.com' }], keys(1));
    const found = await dest.findByNaturalKey!(ctx, ['SHARED@example.com', 'nobody@example.com']);
    expect([...found.keys()]).toEqual(['SHARED@example.com']);
    expect(found.get('SHARED@example.com')).toEqual({ id: older!.ok ? older!.id : '', email: 'Shared@Example.com' });
  });

  it('upserts by external id: the first PUT creates, the second updates the same record', async () => {
    sandbox = await startNetsuiteSandbox();
    const { ctx } = await netsuiteHarness(sandbox);
    const first = await upsertByExternalId(ctx, CUSTOMER, 'CRM 7/a', { companyName: 'Hooli' });
    const second = await upsertByExternalId(ctx, CUSTOMER, 'CRM 7/a', { companyName: 'Hooli XYZ' });
    expect(first.ok && second.ok && first.id === second.id).toBe(true);
    expect(sandbox.store.liveIds('customer')).toHaveLength(1);
    expect(sandbox.server.requestLog.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual(Array(2).fill('/services/rest/record/v1/customer/eid:CRM%207%2Fa'));
  });

  it('stops a load on a revoked token instead of failing record by record', async () => {
    sandbox = await startNetsuiteSandbox();
    const { ctx } = await netsuiteHarness(sandbox);
    sandbox.revoke();
    const error = await destinationOf('contact').create(ctx, [{ firstName: 'A' }], keys(1)).catch((e: unknown) => e);
    expect(isConnectorError(error) && error.kind === 'permanent' && error.status === 401).toBe(true);
    expect(sandbox.server.requestLog).toHaveLength(1);
  });
});
