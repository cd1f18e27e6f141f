/**
 * Deleting a connection: org admins only, another tenant's answers 404, the secrets leave the
 * credential store with the row, everything the connection owns goes with it, the audit log
 * keeps the entry (no secret in it), and a running sync or load refuses the delete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './testing/harness.js';

describe('deleting a connection', () => {
  let h: ApiHarness;
  let ws: string;
  const canary = `canary-${Date.now().toString(36)}-delete`;
  beforeAll(async () => {
    h = await startApiHarness();
    ws = `/api/v1/workspaces/${h.a.workspaceId}`;
    h.sourceRecords.push({ id: 'a', data: { email: 'ada@example.com', first: 'Ada' } }, { id: 'b', data: { email: 'not-an-email', first: 'Bad' } });
  });
  afterAll(async () => h?.close());

  const connect = async () => {
    const created = await h.call(h.a.memberKey, 'POST', `${ws}/connections`, { connectorId: 'fake', name: 'To delete', config: { subdomain: 'acme' }, credentials: { apiKey: canary } });
    expect(created.status, created.text).toBe(201);
    return created.body.id as string;
  };
  const count = async (table: string, id: string) => (await h.database.pool.query(`select count(*)::int as n from ${table} where connection_id = $1`, [id])).rows[0].n as number;

  it('is refused to a workspace member (403) and to another tenant (404), changing nothing', async () => {
    const id = await connect();
    expect((await h.call(h.a.memberKey, 'DELETE', `${ws}/connections/${id}`)).status).toBe(403);
    for (const key of [h.b.orgAdminKey, h.b.memberKey]) {
      expect((await h.call(key, 'DELETE', `${ws}/connections/${id}`)).status).toBe(404);
      expect((await h.call(key, 'DELETE', `/api/v1/workspaces/${h.b.workspaceId}/connections/${id}`)).status).toBe(404);
    }
    expect(await count('credentials', id)).toBe(1);
    expect((await h.call(h.a.memberKey, 'GET', `${ws}/connections/${id}`)).status).toBe(200);
    const { rows } = await h.database.pool.query(`select count(*)::int as n from audit_log where action = 'connection.delete'`);
    expect(rows[0].n).toBe(0);
  });

  it('removes the secrets and everything the connection owns, and records who did it', async () => {
    const id = await connect();
    const run = await h.call(h.a.memberKey, 'POST', `${ws}/connections/${id}/streams/contacts/runs`, { mode: 'full' });
    expect(run.body).toMatchObject({ status: 'succeeded', stats: { created: 1, errors: 1 } });
    for (const table of ['credentials', 'streams', 'sync_runs', 'canonical_persons', 'change_log', 'dead_letters']) expect(await count(table, id), table).toBeGreaterThan(0);

    const answer = await h.call(h.a.orgAdminKey, 'DELETE', `${ws}/connections/${id}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({ id, deleted: true });
    for (const table of ['credentials', 'streams', 'sync_runs', 'canonical_persons', 'change_log', 'dead_letters']) expect(await count(table, id), table).toBe(0);
    expect((await h.call(h.a.memberKey, 'GET', `${ws}/connections/${id}`)).status).toBe(404);
    expect((await h.call(h.a.orgAdminKey, 'DELETE', `${ws}/connections/${id}`)).status).toBe(404);
    expect((await h.call(h.a.memberKey, 'GET', `${ws}/runs/${run.body.id}`)).status).toBe(404);

    const { rows } = await h.database.pool.query(`select org_id, workspace_id, actor, target, diff from audit_log where action = 'connection.delete'`);
    expect(rows).toEqual([{
      org_id: h.a.orgId, workspace_id: h.a.workspaceId, actor: `api_key:${h.a.orgAdminKeyId}:org_admin`, target: `connection:${id}`,
      diff: { connectorId: 'fake', name: 'To delete', status: 'active', credentials: 'removed' },
    }]);
    const { rows: everything } = await h.database.pool.query('select json_agg(a)::text as audit from audit_log a');
    expect(everything[0].audit).not.toContain(canary);
  });

  it('refuses (409) while a sync holds a stream or a load is writing, and deletes once they are done', async () => {
    const id = await connect();
    await h.database.pool.query(`update streams set lease_owner = gen_random_uuid(), lease_until = now() + interval '1 minute' where connection_id = $1`, [id]);
    const syncing = await h.call(h.a.orgAdminKey, 'DELETE', `${ws}/connections/${id}`);
    expect(syncing.status).toBe(409);
    expect(syncing.body.error).toMatchObject({ code: 'connection_busy', message: expect.stringContaining('sync') });
    await h.database.pool.query('update streams set lease_owner = null, lease_until = null where connection_id = $1', [id]);

    const load = await h.call(h.a.memberKey, 'POST', `${ws}/loads`, { connectionId: id, object: 'contacts', records: [{ op: 'create', fields: { email: 'x@example.com' } }], options: { dryRun: false } });
    expect(load.status, load.text).toBe(201);
    await h.database.pool.query(`update loads set status = 'running' where id = $1`, [load.body.load.id]);
    const loading = await h.call(h.a.orgAdminKey, 'DELETE', `${ws}/connections/${id}`);
    expect(loading.status).toBe(409);
    expect(loading.body.error.message).toContain('load');
    expect(await count('credentials', id)).toBe(1);

    await h.database.pool.query(`update loads set status = 'succeeded' where id = $1`, [load.body.load.id]);
    expect((await h.call(h.a.orgAdminKey, 'DELETE', `${ws}/connections/${id}`)).status).toBe(200);
    expect(await count('loads', id)).toBe(0);
  });
});
