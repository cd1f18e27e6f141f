import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './testing/harness.js';

describe('change log, records and dead letters', () => {
  let h: ApiHarness;
  let ws: string;
  let conn: string;
  let connectionId: string;
  beforeAll(async () => {
    h = await startApiHarness();
    ws = `/api/v1/workspaces/${h.a.workspaceId}`;
    const created = await h.call(h.a.memberKey, 'POST', `${ws}/connections`, { connectorId: 'fake', config: { subdomain: 'acme' }, credentials: { apiKey: 'good-k' } });
    connectionId = created.body.id;
    conn = `${ws}/connections/${connectionId}`;
    h.sourceRecords.push(
      { id: 'a', data: { email: 'ada@example.com', first: 'Ada', last: 'Lovelace' } },
      { id: 'b', data: { email: 'grace@navy.example.com', first: 'Grace', last: 'Hopper' } },
      { id: 'c', data: { email: 'alan@example.com', first: 'Alan', last: 'Turing' } },
      { id: 'd', data: { email: 'not-an-email', first: 'Dee', work: 'dee@example.com', token: 'tok-should-not-survive' } },
    );
    await h.call(h.a.memberKey, 'POST', `${conn}/streams/contacts/runs`, {});
  });
  afterAll(async () => h?.close());

  it('pages the change log by sequence', async () => {
    const first = await h.call(h.a.memberKey, 'GET', `${ws}/changes?limit=2`);
    expect(first.body.items.map((e: { op: string }) => e.op)).toEqual(['insert', 'insert']);
    const rest = await h.call(h.a.memberKey, 'GET', `${ws}/changes?after=${first.body.nextAfter}&limit=10`);
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.items[0].seq).toBeGreaterThan(first.body.nextAfter);
    const end = await h.call(h.a.memberKey, 'GET', `${ws}/changes?after=${rest.body.nextAfter}`);
    expect(end.body).toEqual({ items: [], nextAfter: rest.body.nextAfter });
    expect(first.body.items[0]).toMatchObject({ connectionId, object: 'contacts', canonicalType: 'person', data: expect.objectContaining({ externalId: expect.any(String) }) });
  });

  it('lists canonical records with search on email and name, paged by cursor', async () => {
    const all = await h.call(h.a.memberKey, 'GET', `${ws}/records/persons?connectionId=${connectionId}`);
    expect(all.body.items.map((r: { externalId: string }) => r.externalId)).toEqual(['a', 'b', 'c']);
    expect((await h.call(h.a.memberKey, 'GET', `${ws}/records/persons?q=NAVY`)).body.items.map((r: { externalId: string }) => r.externalId)).toEqual(['b']);
    expect((await h.call(h.a.memberKey, 'GET', `${ws}/records/persons?q=ada%20love`)).body.items.map((r: { externalId: string }) => r.externalId)).toEqual(['a']);
    expect((await h.call(h.a.memberKey, 'GET', `${ws}/records/persons?q=%25`)).body.items).toEqual([]);
    const page1 = await h.call(h.a.memberKey, 'GET', `${ws}/records/persons?limit=2`);
    const page2 = await h.call(h.a.memberKey, 'GET', `${ws}/records/persons?limit=2&cursor=${page1.body.nextCursor}`);
    expect([...page1.body.items, ...page2.body.items].map((r: { externalId: string }) => r.externalId)).toEqual(['a', 'b', 'c']);
    expect(page2.body.nextCursor).toBeNull();
    expect((await h.call(h.a.memberKey, 'GET', `${ws}/records/accounts`)).body.items).toEqual([]);
    expect((await h.call(h.a.memberKey, 'GET', `${ws}/records/widgets`)).status).toBe(400);
  });

  it('shows a dead letter with its scrubbed payload and the failing fields', async () => {
    const list = await h.call(h.a.memberKey, 'GET', `${ws}/dead-letters?replayed=false`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).not.toHaveProperty('payload');
    const one = await h.call(h.a.memberKey, 'GET', `${ws}/dead-letters/${list.body.items[0].id}`);
    expect(one.body).toMatchObject({ externalId: 'd', object: 'contacts', fields: [expect.objectContaining({ field: 'email' })], replayedAt: null });
    expect(one.body.payload).toMatchObject({ email: 'not-an-email', token: '[REDACTED]' });
  });

  it('replays a dead letter through the current mapping: 422 while it still fails, then persisted once', async () => {
    const id = (await h.call(h.a.memberKey, 'GET', `${ws}/dead-letters`)).body.items[0].id;
    const still = await h.call(h.a.memberKey, 'POST', `${ws}/dead-letters/${id}/replay`);
    expect(still.status).toBe(422);
    expect(still.body.error).toMatchObject({ code: 'still_invalid', fields: [expect.objectContaining({ field: 'email' })] });
    await h.call(h.a.memberKey, 'PUT', `${conn}/streams/contacts/mapping`, { mapping: [{ target: 'email', source: 'work' }, { target: 'firstName', source: 'first' }] });
    const replayed = await h.call(h.a.memberKey, 'POST', `${ws}/dead-letters/${id}/replay`);
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({ outcome: 'created', record: { externalId: 'd', email: 'dee@example.com', firstName: 'Dee' } });
    expect(replayed.body.deadLetter.replayedAt).toEqual(expect.any(String));
    expect((await h.call(h.a.memberKey, 'POST', `${ws}/dead-letters/${id}/replay`)).status).toBe(409);
    const records = await h.call(h.a.memberKey, 'GET', `${ws}/records/persons?q=dee@`);
    expect(records.body.items.map((r: { externalId: string }) => r.externalId)).toEqual(['d']);
    const changes = await h.call(h.a.memberKey, 'GET', `${ws}/changes?after=3`);
    expect(changes.body.items).toEqual([expect.objectContaining({ externalId: 'd', op: 'insert' })]);
    // The stream's checkpoint and lease are as they were.
    const { rows } = await h.database.pool.query('select cursor, lease_owner from streams');
    expect(rows[0]).toEqual({ cursor: { at: 'c1' }, lease_owner: null });
  });
});

describe('loads', () => {
  let h: ApiHarness;
  let ws: string;
  let connectionId: string;
  beforeAll(async () => {
    h = await startApiHarness();
    ws = `/api/v1/workspaces/${h.a.workspaceId}`;
    connectionId = (await h.call(h.a.memberKey, 'POST', `${ws}/connections`, { connectorId: 'fake', config: { subdomain: 'acme' }, credentials: { apiKey: 'good-k' } })).body.id;
    h.vendor.insert({ email: 'ada@example.com', name: 'Ada' });
  });
  afterAll(async () => h?.close());

  const plan = (body: Record<string, unknown>) => h.call(h.a.memberKey, 'POST', `${ws}/loads`, { connectionId, object: 'contacts', ...body });

  it('dry-runs a load: the diff by natural key, nothing written, and it can never run', async () => {
    const dry = await plan({ records: [{ op: 'upsert', fields: { email: 'ada@example.com', name: 'Ada L.' } }, { op: 'upsert', fields: { email: 'new@example.com', name: 'New' } }], options: { dryRun: true } });
    expect(dry.status).toBe(201);
    expect(dry.body.load).toMatchObject({ status: 'planned', dryRun: true, report: { counts: { total: 2, create: 1, update: 1 } }, progress: { toWrite: 2, written: 0 } });
    expect(dry.body.items[0]).toMatchObject({ action: 'update', diff: [{ field: 'name', from: 'Ada', to: 'Ada L.' }] });
    expect(h.vendor.records.size).toBe(1);
    const run = await h.call(h.a.memberKey, 'POST', `${ws}/loads/${dry.body.load.id}/run`);
    expect(run.status).toBe(409);
    expect(run.body.error.code).toBe('dry_run');
    expect((await h.call(h.a.memberKey, 'POST', `${ws}/loads/${dry.body.load.id}/rollback`, {})).status).toBe(409);
  });

  it('runs a load, reports progress and verification, and rolls it back on demand', async () => {
    const planned = await plan({ file: { format: 'csv', content: 'email,name\nada@example.com,Ada Lovelace\nbob@example.com,Bob\n' } });
    expect(planned.status).toBe(201);
    const id = planned.body.load.id;
    const ran = await h.call(h.a.memberKey, 'POST', `${ws}/loads/${id}/run`);
    expect(ran.status).toBe(202);
    expect(ran.body).toMatchObject({ status: 'succeeded', report: { written: 2, verified: 2, verifyFailed: 0 }, progress: { toWrite: 2, written: 2, verified: 2 } });
    expect([...h.vendor.records.values()].map((r) => r.name).sort()).toEqual(['Ada Lovelace', 'Bob']);
    expect((await h.call(h.a.memberKey, 'POST', `${ws}/loads/${id}/run`)).status).toBe(409);
    const detail = await h.call(h.a.memberKey, 'GET', `${ws}/loads/${id}?itemsLimit=1`);
    expect(detail.body.items).toEqual([expect.objectContaining({ seq: 0, writeStatus: 'written', verifyStatus: 'verified', snapshot: expect.objectContaining({ name: 'Ada' }) })]);
    expect(detail.body.nextItemsAfter).toBe(0);
    const rolled = await h.call(h.a.memberKey, 'POST', `${ws}/loads/${id}/rollback`, {});
    expect(rolled.status).toBe(200);
    expect(rolled.body.report).toMatchObject({ status: 'rolled_back', rollback: { trigger: 'on_demand', unrecoverable: 0, failed: 0 } });
    expect([...h.vendor.records.values()].map((r) => r.name)).toEqual(['Ada']);
    const listed = await h.call(h.a.memberKey, 'GET', `${ws}/loads?limit=1`);
    expect(listed.body.items[0]).toMatchObject({ id, status: 'rolled_back' });
    expect(listed.body.nextCursor).toEqual(expect.any(String));
  });

  it('loads canonical records of a source connection through the destination mapping', async () => {
    h.sourceRecords.push({ id: 's1', data: { email: 'carol@example.com', first: 'Carol' } });
    await h.call(h.a.memberKey, 'POST', `${ws}/connections/${connectionId}/streams/contacts/runs`, {});
    const planned = await plan({ canonical: { connectionId, object: 'contacts' }, options: { dryRun: true } });
    expect(planned.status).toBe(201);
    expect(planned.body.items).toEqual([expect.objectContaining({ action: 'create', input: { email: 'carol@example.com', name: 'Carol' } })]);
  });

  it('names what is wrong with a load request', async () => {
    const none = await plan({});
    expect(none.status).toBe(400);
    expect(none.body.error.fields[0]).toMatchObject({ field: 'records', message: 'send exactly one of records, file or canonical' });
    const badFile = await plan({ file: { format: 'json', content: '{"not": "an array"}' } });
    expect(badFile.status).toBe(400);
    expect(badFile.body.error.fields[0].field).toBe('file.content');
    const badObject = await plan({ object: 'invoices', records: [{ op: 'create', fields: { email: 'x@example.com' } }] });
    expect(badObject.status).toBe(400);
    expect(badObject.body.error.code).toBe('invalid_load');
    const badRecord = await plan({ records: [{ op: 'delete', fields: {} }] });
    expect(badRecord.status).toBe(400);
    expect(badRecord.body.error.fields[0].field).toBe('records.0.id');
  });
});
