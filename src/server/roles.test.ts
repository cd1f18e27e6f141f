import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './testing/harness.js';

describe('roles', () => {
  let h: ApiHarness;
  beforeAll(async () => { h = await startApiHarness(); });
  afterAll(async () => h?.close());

  const org = (id: string) => `/api/v1/orgs/${id}`;

  it('refuses a workspace member creating API keys, members or workspaces in its own org (403)', async () => {
    const key = await h.call(h.a.memberKey, 'POST', `${org(h.a.orgId)}/api-keys`, { name: 'mine', role: 'org_admin' });
    expect(key.status).toBe(403);
    expect(key.body.error.code).toBe('forbidden');
    expect((await h.call(h.a.memberKey, 'POST', `${org(h.a.orgId)}/members`, { email: 'x@example.com', role: 'org_admin' })).status).toBe(403);
    expect((await h.call(h.a.memberKey, 'POST', `${org(h.a.orgId)}/workspaces`, { name: 'w' })).status).toBe(403);
    expect((await h.call(h.a.memberKey, 'GET', `${org(h.a.orgId)}/api-keys`)).status).toBe(403);
    const { rows } = await h.database.pool.query('select count(*)::int as n from api_keys where org_id = $1', [h.a.orgId]);
    expect(rows[0].n).toBe(2);
  });

  it('refuses a workspace member changing the allowlist, and leaves it unchanged', async () => {
    const answer = await h.call(h.a.memberKey, 'PUT', `${org(h.a.orgId)}/allowlist`, { domains: ['api.example.com'] });
    expect(answer.status).toBe(403);
    const { rows } = await h.database.pool.query('select domain_allowlist from orgs where id = $1', [h.a.orgId]);
    expect(rows[0].domain_allowlist).toEqual([]);
  });

  it('checks the tenant before the role: a member naming another org gets 404, not 403', async () => {
    expect((await h.call(h.a.memberKey, 'POST', `${org(h.b.orgId)}/api-keys`, { name: 'x', role: 'org_admin' })).status).toBe(404);
    expect((await h.call(h.a.memberKey, 'PUT', `${org(h.b.orgId)}/allowlist`, { domains: [] })).status).toBe(404);
  });

  it('lets an org admin run its own org but not touch another org', async () => {
    expect((await h.call(h.a.orgAdminKey, 'PUT', `${org(h.a.orgId)}/allowlist`, { domains: ['api.example.com'] })).status).toBe(200);
    for (const [method, url, body] of [
      ['GET', org(h.b.orgId), undefined],
      ['PATCH', org(h.b.orgId), { name: 'taken over' }],
      ['PUT', `${org(h.b.orgId)}/allowlist`, { domains: ['evil.example.com'] }],
      ['POST', `${org(h.b.orgId)}/workspaces`, { name: 'w' }],
      ['POST', `${org(h.b.orgId)}/api-keys`, { name: 'k', role: 'org_admin' }],
      ['GET', `${org(h.b.orgId)}/members`, undefined],
      ['GET', `/api/v1/workspaces/${h.b.workspaceId}/connections`, undefined],
      ['GET', `/api/v1/audit?orgId=${h.b.orgId}`, undefined],
    ] as const) {
      const answer = await h.call(h.a.orgAdminKey, method, url, body);
      expect(answer.status, `${method} ${url}: ${answer.text}`).toBe(404);
    }
    const { rows } = await h.database.pool.query('select name, domain_allowlist from orgs where id = $1', [h.b.orgId]);
    expect(rows[0]).toEqual({ name: 'Org B', domain_allowlist: [] });
  });

  it("lets an org admin work in every workspace of its org, and a member only in its own", async () => {
    const second = await h.call(h.a.orgAdminKey, 'POST', `${org(h.a.orgId)}/workspaces`, { name: 'Second' });
    expect(second.status).toBe(201);
    expect((await h.call(h.a.orgAdminKey, 'GET', `/api/v1/workspaces/${second.body.id}/connections`)).status).toBe(200);
    expect((await h.call(h.a.memberKey, 'GET', `/api/v1/workspaces/${second.body.id}/connections`)).status).toBe(404);
    const mine = await h.call(h.a.memberKey, 'GET', '/api/v1/workspaces');
    expect(mine.body.items.map((w: { id: string }) => w.id)).toEqual([h.a.workspaceId]);
    expect((await h.call(h.a.memberKey, 'PATCH', `/api/v1/workspaces/${h.a.workspaceId}`, { name: 'mine now' })).status).toBe(403);
  });

  it('keeps org creation and the org list to admins', async () => {
    expect((await h.call(h.a.orgAdminKey, 'POST', '/api/v1/orgs', { name: 'Mine' })).status).toBe(403);
    expect((await h.call(h.a.memberKey, 'GET', '/api/v1/orgs')).status).toBe(403);
    const own = await h.call(h.a.orgAdminKey, 'GET', '/api/v1/orgs');
    expect(own.body.items.map((o: { id: string }) => o.id)).toEqual([h.a.orgId]);
    const all = await h.call(h.platformKey, 'GET', '/api/v1/orgs');
    expect(all.body.items.map((o: { id: string }) => o.id).sort()).toEqual([h.a.orgId, h.b.orgId].sort());
  });

  it('lets the platform admin into every org and workspace', async () => {
    expect((await h.call(h.platformKey, 'GET', org(h.b.orgId))).status).toBe(200);
    expect((await h.call(h.platformKey, 'GET', `/api/v1/workspaces/${h.a.workspaceId}/runs`)).status).toBe(200);
  });

  it('refuses an org from granting the platform admin role', async () => {
    const answer = await h.call(h.a.orgAdminKey, 'POST', `${org(h.a.orgId)}/api-keys`, { name: 'root', role: 'platform_admin' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields.map((f: { field: string }) => f.field)).toContain('role');
  });
});

describe('the org allowlist', () => {
  let h: ApiHarness;
  beforeAll(async () => { h = await startApiHarness(); });
  afterAll(async () => h?.close());

  it('refuses patterns the egress guard would refuse, naming each by its position', async () => {
    const answer = await h.call(h.a.orgAdminKey, 'PUT', `/api/v1/orgs/${h.a.orgId}/allowlist`, {
      domains: ['api.example.com', '*', '*.com', 'https://x.example.com', 'a.*.example.com', 'x.example.com:443', '*.example.com'],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation');
    expect(answer.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['domains.1', 'domains.2', 'domains.3', 'domains.4', 'domains.5']);
  });

  it('stores valid patterns normalised and de-duplicated, and an empty list lifts the restriction', async () => {
    const set = await h.call(h.a.orgAdminKey, 'PUT', `/api/v1/orgs/${h.a.orgId}/allowlist`, { domains: ['API.Example.com', 'api.example.com', '*.example.org'] });
    expect(set.status).toBe(200);
    expect(set.body.domainAllowlist).toEqual(['api.example.com', '*.example.org']);
    const cleared = await h.call(h.a.orgAdminKey, 'PUT', `/api/v1/orgs/${h.a.orgId}/allowlist`, { domains: [] });
    expect(cleared.body.domainAllowlist).toEqual([]);
  });
});
