/**
 * Contacts and accounts as a destination, beyond the shared suite: a delete confirmed by the
 * reads after it (Collections null, the record's own 404 ENTITY_IS_DELETED), restore as a
 * re-create, lookups by natural key, batches refused whole, 200-record chunks, and upserts by
 * external id with Salesforce's 300 for an ambiguous one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorContext, WriteOutcome } from '../../src/registry/index.js';
import { destinationOf, salesforceContext } from './fixtures/context.js';
import { ACCOUNT } from './objects.js';
import { startSalesforceSandbox, type SalesforceSandbox } from './sandbox/index.js';
import { upsertByExternalId } from './upsert.js';
import { DATA_PATH } from './version.js';

const failure = (outcome: WriteOutcome) => (outcome.ok ? undefined : outcome.error);
const idOf = (outcome: WriteOutcome | undefined) => (outcome?.ok ? outcome.id : '');

describe('Salesforce destination', () => {
  let sandbox: SalesforceSandbox;
  let ctx: ConnectorContext;
  const contacts = destinationOf('contact');
  const accounts = destinationOf('account');

  beforeAll(async () => {
    sandbox = await startSalesforceSandbox();
    ctx = await salesforceContext(sandbox);
  });
  afterAll(async () => sandbox.stop());

  it('confirms a delete by reading after it: null from Collections, 404 ENTITY_IS_DELETED from the record', async () => {
    const [made] = await contacts.create(ctx, [{ LastName: 'Gone', Email: 'gone@example.com' }], { idempotencyKeys: ['k'] });
    const id = idOf(made);
    expect((await contacts.get(ctx, [id])).get(id)).toMatchObject({ Id: id, LastName: 'Gone' });
    expect(await contacts.delete(ctx, [id])).toEqual([{ ok: true, id }]);
    expect((await contacts.get(ctx, [id])).get(id)).toBeNull();
    const single = await ctx.http.request({ url: `${DATA_PATH}/sobjects/Contact/${id}` });
    expect(single.error).toMatchObject({ kind: 'not_found', status: 404, code: 'ENTITY_IS_DELETED' });
    // Deleting it again (it is in the Recycle Bin) is done already, not a failure.
    expect(await contacts.delete(ctx, [id])).toEqual([{ ok: true, id }]);
  });

  it('restores a deleted account by re-creating it from the snapshot, under a new id', async () => {
    const [made] = await accounts.create(ctx, [{ Name: 'Phoenix Ltd', Website: 'phoenix.example', NumberOfEmployees: 12 }], { idempotencyKeys: ['p'] });
    const id = idOf(made);
    const snapshot = (await accounts.get(ctx, [id])).get(id)!;
    await accounts.delete(ctx, [id]);
    const restored = await accounts.restore!(ctx, id, snapshot);
    expect(restored.ok && restored.id).not.toBe(id);
    const again = (await accounts.get(ctx, [idOf(restored)])).get(idOf(restored));
    expect(again).toMatchObject({ Name: 'Phoenix Ltd', Website: 'phoenix.example', NumberOfEmployees: 12 });
  });

  it('finds contacts by email case-blind and accounts by name, the oldest when several match', async () => {
    await contacts.create(ctx, [{ LastName: 'Finder', Email: 'Finder@Example.org' }], { idempotencyKeys: ['f'] });
    const people = await contacts.findByNaturalKey!(ctx, ['finder@example.org', 'nobody@example.org']);
    expect([...people.keys()]).toEqual(['finder@example.org']);
    expect(people.get('finder@example.org')).toMatchObject({ LastName: 'Finder', Email: 'Finder@Example.org' });
    const [older] = await accounts.create(ctx, [{ Name: "O'Twin Holdings" }], { idempotencyKeys: ['t1'] });
    await accounts.create(ctx, [{ Name: "o'twin holdings" }], { idempotencyKeys: ['t2'] });
    const found = await accounts.findByNaturalKey!(ctx, ["O'TWIN HOLDINGS"]);
    expect(found.get("O'TWIN HOLDINGS")).toMatchObject({ Id: idOf(older) });
  });

  it('isolates the record of a batch Salesforce refused whole, and names the field', async () => {
    sandbox.server.clearLog();
    const outcomes = await accounts.create(ctx, [{ Name: 'Fine One' }, { Name: 'Vague Co', NumberOfEmployees: 'a few' }, { Name: 'Fine Two' }], { idempotencyKeys: ['a', 'b', 'c'] });
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(failure(outcomes[1]!)).toMatchObject({ kind: 'validation', code: 'JSON_PARSER_ERROR' });
    expect(sandbox.server.requestLog.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([400, 200, 400, 200]);
  });

  it('reports an unknown id in an update as not found, the others written', async () => {
    const [made] = await contacts.create(ctx, [{ LastName: 'Known' }], { idempotencyKeys: ['k2'] });
    const outcomes = await contacts.update(ctx, [{ id: idOf(made), fields: { Title: 'CEO' } }, { id: '0035g000099999zAAA', fields: { Title: 'Ghost' } }]);
    expect(outcomes[0]).toEqual({ ok: true, id: idOf(made) });
    expect(failure(outcomes[1]!)).toMatchObject({ kind: 'not_found', code: 'INVALID_CROSS_REFERENCE_KEY' });
  });

  it('writes 201 records in two Collections calls of at most 200', async () => {
    sandbox.server.clearLog();
    const records = Array.from({ length: 201 }, (_, i) => ({ LastName: `Bulk ${i}` }));
    const outcomes = await contacts.create(ctx, records, { idempotencyKeys: records.map((_, i) => `bulk-${i}`) });
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const posts = sandbox.server.requestLog.filter((r) => r.method === 'POST');
    expect(posts.map((r) => (r.body as { records: unknown[] }).records.length)).toEqual([200, 1]);
    expect(posts.every((r) => (r.body as { allOrNone: boolean }).allOrNone === false)).toBe(true);
  });

  it('upserts by external id: created, then updated, and a value two accounts share is a conflict naming both', async () => {
    const [created] = await upsertByExternalId(ctx, ACCOUNT, 'External_Id__c', [{ External_Id__c: 'ERP-9001', Name: 'Upserted Inc' }]);
    expect(created).toMatchObject({ ok: true, created: true });
    const [updated] = await upsertByExternalId(ctx, ACCOUNT, 'External_Id__c', [{ External_Id__c: 'erp-9001', Industry: 'Energy' }]);
    expect(updated).toMatchObject({ ok: true, id: idOf(created), created: false });
    const twins = await accounts.create(ctx, [{ Name: 'Twin A', External_Id__c: 'ERP-7' }, { Name: 'Twin B', External_Id__c: 'ERP-7' }], { idempotencyKeys: ['x', 'y'] });
    const [ambiguous] = await upsertByExternalId(ctx, ACCOUNT, 'External_Id__c', [{ External_Id__c: 'ERP-7', Industry: 'Retail' }]);
    expect(failure(ambiguous!)).toMatchObject({ kind: 'conflict', status: 300, code: 'MULTIPLE_CHOICES' });
    for (const twin of twins) expect(failure(ambiguous!)!.message).toContain(idOf(twin));
    expect((await accounts.get(ctx, twins.map(idOf))).get(idOf(twins[0]))).not.toHaveProperty('Industry', 'Retail');
  });
});
