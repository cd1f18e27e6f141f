import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from './api-keys.js';
import { startApiHarness, type ApiHarness } from './testing/harness.js';

describe('API keys', () => {
  let h: ApiHarness;
  beforeAll(async () => { h = await startApiHarness(); });
  afterAll(async () => h?.close());

  const keys = () => `/api/v1/orgs/${h.a.orgId}/api-keys`;

  it('shows a new key once, stores only its hash, and the key works at once', async () => {
    const created = await h.call(h.a.orgAdminKey, 'POST', keys(), { name: 'CI', role: 'workspace_member', workspaceId: h.a.workspaceId });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    expect(key).toMatch(/^fw_[A-Za-z0-9_-]{32}$/);
    expect(created.body).toMatchObject({ name: 'CI', role: 'workspace_member', orgId: h.a.orgId, workspaceId: h.a.workspaceId, prefix: key.slice(0, 9), revokedAt: null });

    // The database never holds the key: not in api_keys, not in the audit log, nowhere else we write.
    const { rows } = await h.database.pool.query(`select (select json_agg(k)::text from api_keys k) as keys, (select json_agg(a)::text from audit_log a) as audit`);
    expect(rows[0].keys).not.toContain(key);
    expect(rows[0].keys).toContain(hashApiKey(key));
    expect(rows[0].audit).not.toContain(key);

    const listed = await h.call(h.a.orgAdminKey, 'GET', keys());
    expect(listed.text).not.toContain(key);
    expect(listed.text).not.toContain(hashApiKey(key));
    expect(listed.body.items.find((k: { id: string }) => k.id === created.body.id)).not.toHaveProperty('key');

    const me = await h.call(key, 'GET', '/api/v1/me');
    expect(me.body).toEqual({ keyId: created.body.id, role: 'workspace_member', orgId: h.a.orgId, workspaceId: h.a.workspaceId });
  });

  it('refuses a revoked key from the next request on', async () => {
    const created = await h.call(h.a.orgAdminKey, 'POST', keys(), { name: 'temp', role: 'org_admin' });
    const key = created.body.key as string;
    expect((await h.call(key, 'GET', '/api/v1/me')).status).toBe(200);
    const revoked = await h.call(h.a.orgAdminKey, 'DELETE', `${keys()}/${created.body.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const refused = await h.call(key, 'GET', '/api/v1/me');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('unauthenticated');
    expect((await h.call(h.a.orgAdminKey, 'GET', keys())).body.items.map((k: { id: string }) => k.id)).not.toContain(created.body.id);
    expect((await h.call(h.a.orgAdminKey, 'GET', `${keys()}?includeRevoked=true`)).body.items.map((k: { id: string }) => k.id)).toContain(created.body.id);
  });

  it("revokes a removed member's keys with them", async () => {
    const member = await h.call(h.a.orgAdminKey, 'POST', `/api/v1/orgs/${h.a.orgId}/members`, { email: 'Leaver@Example.com', role: 'workspace_member', workspaceId: h.a.workspaceId });
    expect(member.body.email).toBe('leaver@example.com');
    const created = await h.call(h.a.orgAdminKey, 'POST', keys(), { name: 'leaver', role: 'workspace_member', workspaceId: h.a.workspaceId, memberId: member.body.id });
    const removed = await h.call(h.a.orgAdminKey, 'DELETE', `/api/v1/orgs/${h.a.orgId}/members/${member.body.id}`);
    expect(removed.body.revokedKeys).toBe(1);
    expect((await h.call(created.body.key, 'GET', '/api/v1/me')).status).toBe(401);
  });

  it('answers 409 to a second member with the same email', async () => {
    const body = { email: 'twice@example.com', role: 'org_admin' };
    expect((await h.call(h.a.orgAdminKey, 'POST', `/api/v1/orgs/${h.a.orgId}/members`, body)).status).toBe(201);
    const again = await h.call(h.a.orgAdminKey, 'POST', `/api/v1/orgs/${h.a.orgId}/members`, body);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it('refuses malformed, unknown and missing keys alike', async () => {
    for (const header of [undefined, 'Bearer nope', 'Bearer fw_unknownunknownunknownunknown', 'Basic abc']) {
      const res = await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: header ? { authorization: header } : {} });
      expect(res.statusCode).toBe(401);
    }
  });
});
