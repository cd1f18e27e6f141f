import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './testing/harness.js';
import { runScenario, type Scenario } from './testing/scenario.js';

/**
 * Targets name their object by uuid (`connection:<uuid>`), except objects keyed by a slug: the
 * platform's JSON connectors (`http_connector:<id>`, `http_connector:<id>:<action>` for a run) and
 * a workspace's setting for one (`setting:connector:<id>`).
 */
const SLUG_TARGETS: Record<string, RegExp> = {
  http_connector: /^http_connector:[a-z][a-z0-9-]{1,62}(:[a-z][a-z0-9_]*)?$/,
  setting: /^setting:connector:[a-z][a-z0-9-]{1,62}$/,
};

interface AuditRow { id: number; org_id: string | null; workspace_id: string | null; actor: string; action: string; target: string | null; diff: unknown; at: Date }

describe('the audit log', () => {
  let h: ApiHarness;
  let s: Scenario;
  beforeAll(async () => {
    h = await startApiHarness();
    s = await runScenario(h);
  });
  afterAll(async () => h?.close());

  const rows = async () => (await h.database.pool.query<AuditRow>('select * from audit_log order by id')).rows;

  it('has an entry with actor, action, target and time for every mutation route, and no secret anywhere', async () => {
    const mutations = h.app.routeSpecs.filter((spec) => spec.method !== 'GET' && spec.access !== 'public' && !spec.readOnly);
    expect(mutations.length).toBeGreaterThanOrEqual(20);
    const entries = await rows();
    const { rows: keys } = await h.database.pool.query<{ id: string; role: string }>('select id, role from api_keys');
    const keyRole = new Map(keys.map((k) => [k.id, k.role]));
    const { rows: workspaces } = await h.database.pool.query<{ id: string; org_id: string }>('select id, org_id from workspaces');
    const orgOf = new Map(workspaces.map((w) => [w.id, w.org_id]));
    for (const spec of mutations) {
      expect(spec.audit, `${spec.method} ${spec.url} declares an audit action`).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
      const mine = entries.filter((e) => e.action === spec.audit);
      expect(mine.length, `${spec.operationId} (${spec.audit}) left no audit entry in the scenario`).toBeGreaterThan(0);
      for (const entry of mine) {
        const [, keyId, role] = /^api_key:([0-9a-f-]{36}):([a-z_]+)$/.exec(entry.actor) ?? [];
        expect(keyRole.get(keyId!), `${spec.audit} actor ${entry.actor}`).toBe(role);
        expect(entry.target, spec.audit).toMatch(SLUG_TARGETS[entry.target?.split(':')[0] ?? ''] ?? /^[a-z_]+:[0-9a-f-]{36}$/);
        expect(entry.at).toBeInstanceOf(Date);
        // A platform-wide JSON connector belongs to no org; everything else, and any entry about a workspace, has its org.
        if (spec.url.startsWith('/admin/') && entry.workspace_id === null) expect(entry.org_id, spec.audit).toBeNull();
        else expect(entry.org_id, spec.audit).not.toBeNull();
        if (entry.workspace_id !== null) expect(entry.org_id, `${spec.audit}: the workspace's own org`).toBe(orgOf.get(entry.workspace_id));
      }
    }
    const everything = JSON.stringify(entries);
    expect(everything).not.toContain(s.canary);
    const create = entries.find((e) => e.action === 'connection.create')!;
    expect(create.diff).toMatchObject({ connectorId: 'fake', credentials: { apiKey: '[REDACTED]', webhookSecret: '[REDACTED]' }, config: { subdomain: 'tenant-a' } });
    expect(entries.find((e) => e.action === 'connection.reauthorize')!.diff).toMatchObject({ credentials: { apiKey: '[REDACTED]' } });
    // The three tiers: who registered and versioned the connector, which workspace stored which (redacted) credentials, who ran it for whom.
    const platformKeyId = entries.find((e) => e.action === 'http_connector.create')!.actor.split(':')[1];
    expect(keyRole.get(platformKeyId!)).toBe('platform_admin');
    expect(entries.filter((e) => e.action.startsWith('http_connector.')).map((e) => [e.action, e.target])).toEqual([
      ['http_connector.create', `http_connector:${s.httpConnectorId}`], ['http_connector.update', `http_connector:${s.httpConnectorId}`],
      ['http_connector.disable', `http_connector:${s.httpConnectorId}`], ['http_connector.enable', `http_connector:${s.httpConnectorId}`],
      ['http_connector.run', `http_connector:${s.httpConnectorId}:${s.actionId}`],
    ]);
    expect(entries.find((e) => e.action === 'http_connector.update')!.diff).toMatchObject({ version: 2, definition: { display_name: 'Scenario hooks v2' } });
    expect(entries.find((e) => e.action === 'http_connector.run')).toMatchObject({ org_id: h.a.orgId, workspace_id: h.a.workspaceId, diff: { status: 'ran', ok: false } });
    expect(entries.find((e) => e.action === 'setting.connector.update')).toMatchObject({
      org_id: h.a.orgId, workspace_id: h.a.workspaceId, target: `setting:connector:${s.httpConnectorId}`, diff: { enabled: true, config: { token: '[REDACTED]' } },
    });
    expect(entries.find((e) => e.action === 'automation.create')).toMatchObject({ org_id: h.a.orgId, target: `automation:${s.automationId}`, diff: { connector_id: s.httpConnectorId, action_id: s.actionId } });
  });

  it('writes nothing for a refused mutation (invalid, forbidden or another tenant\'s)', async () => {
    const before = (await rows()).length;
    const org = `/api/v1/orgs/${h.a.orgId}`;
    expect((await h.call(h.a.orgAdminKey, 'PUT', `${org}/allowlist`, { domains: ['*'] })).status).toBe(400);
    expect((await h.call(h.a.memberKey, 'PUT', `${org}/allowlist`, { domains: [] })).status).toBe(403);
    expect((await h.call(h.b.orgAdminKey, 'PUT', `${org}/allowlist`, { domains: [] })).status).toBe(404);
    expect((await rows()).length).toBe(before);
  });

  it('commits the entry with the change: when the entry cannot be written, the change is rolled back', async () => {
    await h.database.pool.query(`alter table audit_log add constraint no_renames check (action <> 'workspace.update') not valid`);
    try {
      const answer = await h.call(h.a.orgAdminKey, 'PATCH', `/api/v1/workspaces/${h.a.workspaceId}`, { name: 'Never saved' });
      expect(answer.status).toBe(500);
      const { rows: ws } = await h.database.pool.query('select name from workspaces where id = $1', [h.a.workspaceId]);
      expect(ws[0].name).not.toBe('Never saved');
    } finally {
      await h.database.pool.query('alter table audit_log drop constraint no_renames');
    }
  });

  it('serves the log newest first, scoped to the caller, filtered by action prefix and paged', async () => {
    const member = await h.call(h.a.memberKey, 'GET', '/api/v1/audit?limit=500');
    expect(member.status).toBe(200);
    expect(member.body.items.length).toBeGreaterThan(5);
    expect(member.body.items.every((e: { workspaceId: string }) => e.workspaceId === h.a.workspaceId)).toBe(true);
    const ids = member.body.items.map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((x: number, y: number) => y - x));
    expect(member.body.items[0].actor).toEqual({ keyId: expect.any(String), role: expect.any(String) });
    const admin = await h.call(h.a.orgAdminKey, 'GET', '/api/v1/audit?action=api_key.&limit=1');
    expect(admin.body.items).toEqual([expect.objectContaining({ action: expect.stringMatching(/^api_key\./) })]);
    const next = await h.call(h.a.orgAdminKey, 'GET', `/api/v1/audit?action=api_key.&limit=5&cursor=${admin.body.nextCursor}`);
    expect(next.body.items.length).toBeGreaterThan(0);
    expect(next.body.items.every((e: { id: number }) => e.id < admin.body.items[0].id)).toBe(true);
    const other = await h.call(h.b.orgAdminKey, 'GET', '/api/v1/audit');
    expect(other.body.items).toEqual([]);
    const platform = await h.call(h.platformKey, 'GET', `/api/v1/audit?orgId=${h.a.orgId}&limit=500`);
    expect(platform.body.items.length).toBeGreaterThan(member.body.items.length);
  });
});
