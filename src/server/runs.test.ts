import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '../core/index.js';
import { startApiHarness, type ApiHarness } from './testing/harness.js';

async function connect(h: ApiHarness, apiKey = 'good-key'): Promise<{ ws: string; conn: string; id: string }> {
  const ws = `/api/v1/workspaces/${h.a.workspaceId}`;
  const created = await h.call(h.a.memberKey, 'POST', `${ws}/connections`, { connectorId: 'fake', config: { subdomain: 'acme' }, credentials: { apiKey } });
  return { ws, conn: `${ws}/connections/${created.body.id}`, id: created.body.id };
}

describe('runs, run inline (no queue)', () => {
  let h: ApiHarness;
  let c: { ws: string; conn: string; id: string };
  beforeAll(async () => {
    h = await startApiHarness();
    c = await connect(h, 'good-sekrit-value');
    h.sourceRecords.push(
      { id: '1', data: { email: 'ada@example.com', first: 'Ada', last: 'Lovelace' } },
      { id: '2', data: { email: 'grace@example.com', first: 'Grace', last: 'Hopper' } },
      { id: '3', data: { email: 'nope', first: 'Cy' } },
    );
  });
  afterAll(async () => h?.close());

  it('runs a sync in the request and answers the run with its stats', async () => {
    const run = await h.call(h.a.memberKey, 'POST', `${c.conn}/streams/contacts/runs`, {});
    expect(run.status).toBe(202);
    expect(run.body).toMatchObject({ object: 'contacts', mode: 'full', status: 'succeeded', records: 3, pages: 1, stats: { created: 2, updated: 0, deleted: 0, errors: 1 }, error: null });
    const again = await h.call(h.a.memberKey, 'GET', `${c.ws}/runs/${run.body.id}`);
    expect(again.body).toEqual(run.body);
    const second = await h.call(h.a.memberKey, 'POST', `${c.conn}/streams/contacts/runs`, { mode: 'incremental' });
    expect(second.body).toMatchObject({ mode: 'incremental', status: 'succeeded', stats: { created: 0, updated: 0 } });
  });

  it('records a failed run with its scrubbed error', async () => {
    h.sourceFault.error = new ConnectorError('vendor answered 401 for token good-sekrit-value', { kind: 'permanent', status: 401 });
    try {
      const run = await h.call(h.a.memberKey, 'POST', `${c.conn}/streams/contacts/runs`, {});
      expect(run.status).toBe(202);
      expect(run.body.status).toBe('failed');
      expect(run.body.error).toMatchObject({ kind: 'permanent', status: 401 });
      expect(run.text).not.toContain('good-sekrit-value');
      expect((await h.call(h.a.memberKey, 'GET', c.conn)).body.status).toBe('needs_reauth');
    } finally {
      h.sourceFault.error = null;
    }
  });

  it('pages runs newest first and filters them', async () => {
    const first = await h.call(h.a.memberKey, 'GET', `${c.ws}/runs?limit=2`);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await h.call(h.a.memberKey, 'GET', `${c.ws}/runs?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const all = [...first.body.items, ...second.body.items];
    expect(new Set(all.map((r: { id: string }) => r.id)).size).toBe(3);
    expect(all.map((r: { createdAt: string }) => r.createdAt)).toEqual([...all.map((r: { createdAt: string }) => r.createdAt)].sort().reverse());
    expect((await h.call(h.a.memberKey, 'GET', `${c.ws}/runs?status=failed`)).body.items).toHaveLength(1);
    expect((await h.call(h.a.memberKey, 'GET', `${c.ws}/runs?cursor=garbage`)).status).toBe(400);
  });

  it('refuses to run a disabled connection', async () => {
    await h.call(h.a.memberKey, 'POST', `${c.conn}/disable`);
    const run = await h.call(h.a.memberKey, 'POST', `${c.conn}/streams/contacts/runs`, {});
    expect(run.status).toBe(409);
    expect(run.body.error.code).toBe('connection_disabled');
    await h.call(h.a.memberKey, 'POST', `${c.conn}/enable`);
  });

  it('answers 409 while another run holds the stream', async () => {
    await h.database.pool.query(`update streams set lease_owner = gen_random_uuid(), lease_until = now() + interval '1 minute'`);
    const run = await h.call(h.a.memberKey, 'POST', `${c.conn}/streams/contacts/runs`, {});
    expect(run.status).toBe(409);
    expect(run.body.error.code).toBe('stream_busy');
    await h.database.pool.query('update streams set lease_owner = null, lease_until = null');
  });
});

describe('runs, queued on pg-boss', () => {
  let h: ApiHarness;
  const sent: Array<{ queue: string; data: { streamId: string; runId: string }; options: { singletonKey: string } }> = [];
  let accept = true;
  const boss = { send: async (queue: string, data: never, options: never) => { sent.push({ queue, data, options }); return accept ? `job-${sent.length}` : null; } } as unknown as PgBoss;
  beforeAll(async () => { h = await startApiHarness({ boss }); });
  afterAll(async () => h?.close());

  it('queues the run (one per stream) and answers it as queued', async () => {
    const c = await connect(h);
    const run = await h.call(h.a.memberKey, 'POST', `${c.conn}/streams/contacts/runs`, { mode: 'full' });
    expect(run.status).toBe(202);
    expect(run.body).toMatchObject({ status: 'queued', mode: 'full', startedAt: null });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ queue: 'forge-sync', data: { streamId: run.body.streamId, runId: run.body.id }, options: { singletonKey: run.body.streamId } });
    accept = false;
    const refused = await h.call(h.a.memberKey, 'POST', `${c.conn}/streams/contacts/runs`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('run_already_queued');
    const { rows } = await h.database.pool.query('select count(*)::int as n from sync_runs');
    expect(rows[0].n).toBe(1);
  });
});
