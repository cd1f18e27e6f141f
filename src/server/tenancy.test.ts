/**
 * Tenant isolation over EVERY route: the list comes from Fastify's own route table, so a route
 * added tomorrow is walked too (and a parameter this test cannot fill fails it loudly).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './testing/harness.js';
import { runScenario, type Scenario } from './testing/scenario.js';

/** Routes that hold no tenant data and need no key. */
const PUBLIC = new Set(['GET /health', 'GET /api/v1/connectors', 'GET /api/v1/connectors/:connectorId', 'GET /api/v1/openapi.json']);
/** Parameters that name the tenant itself. */
const SCOPE_PARAMS = new Set(['orgId', 'workspaceId']);
/**
 * Parameters that name no tenant object (a record type, a platform-wide JSON connector and its
 * action; as PLAIN_PARAMS in resolvers.ts); every other parameter names an object inside a tenant.
 */
const PLAIN_PARAMS = new Set(['type', 'connectorId', 'actionId']);
const paramsOf = (url: string) => [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);

describe('tenant isolation', () => {
  let h: ApiHarness;
  let s: Scenario;
  beforeAll(async () => {
    h = await startApiHarness();
    s = await runScenario(h);
  });
  afterAll(async () => h?.close());

  /** Every API and admin route Fastify serves (the console's static files, if registered, hold no tenant data). */
  const routes = () => h.app.routeTable.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS' && (r.url.startsWith('/api/') || r.url.startsWith('/admin/') || r.url === '/health'));
  /** Routes only a platform admin may call: every other key gets 403, whatever it names. */
  const platformOnly = (method: string, url: string) => h.app.routeSpecs.some((spec) => spec.method === method && spec.url === url && spec.access === 'platform_admin');

  function fill(url: string, values: Record<string, string>): string {
    return url.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
      const value = values[name];
      if (!value) throw new Error(`${url}: the tenancy test has no value for :${name}; add one for the new route`);
      return value;
    });
  }

  const aValues = () => ({
    orgId: h.a.orgId, workspaceId: h.a.workspaceId, connectionId: s.connectionId, object: 'contacts', runId: s.runId, deadLetterId: s.deadLetterId,
    loadId: s.loadId, memberId: s.memberId, keyId: s.createdKeyId, type: 'persons', automationId: s.automationId,
    connectorId: s.httpConnectorId, actionId: s.actionId, bridgeId: s.bridgeId,
  });

  function expectNothingOfA(text: string, context: string): void {
    for (const marker of s.markers) expect(text.includes(marker), `${context} leaked "${marker}": ${text.slice(0, 300)}`).toBe(false);
  }

  it('lists only the known public routes as public, and every other route needs a key', async () => {
    for (const route of routes()) {
      const id = `${route.method} ${route.url}`;
      expect(route.public, id).toBe(PUBLIC.has(id));
      if (route.public || route.url === '/health') continue;
      const answer = await h.call(null, route.method, fill(route.url, aValues()), route.method === 'GET' ? undefined : {});
      expect(answer.status, id).toBe(401);
      expectNothingOfA(answer.text, `${id} without a key`);
    }
  });

  it("answers 404 to another tenant's org admin and member on every route naming A's objects, and leaks nothing", async () => {
    const auditBefore = await h.database.pool.query('select count(*)::int as n from audit_log where org_id = $1', [h.a.orgId]);
    let walked = 0;
    const seen = new Set<string>();
    for (const route of routes()) {
      if (route.public) continue;
      const id = `${route.method} ${route.url}`;
      seen.add(id);
      const url = fill(route.url, aValues());
      const hasTenantParam = paramsOf(route.url).some((p) => !PLAIN_PARAMS.has(p));
      for (const [who, key] of [['org admin B', h.b.orgAdminKey], ['member B', h.b.memberKey]] as const) {
        const answer = await h.call(key, route.method, url, route.method === 'GET' ? undefined : {});
        if (hasTenantParam) expect(answer.status, `${id} as ${who}: ${answer.text}`).toBe(404);
        else if (platformOnly(route.method, route.url)) expect(answer.status, `${id} as ${who}: ${answer.text}`).toBe(403);
        else expect([200, 403], `${id} as ${who}: ${answer.text}`).toContain(answer.status);
        expectNothingOfA(answer.text, `${id} as ${who}`);
        walked++;
      }
    }
    expect(walked).toBeGreaterThan(60);
    // The three tiers were walked: the platform's /admin routes (403), A's automations and settings (404).
    for (const id of [
      'POST /admin/connector', 'GET /admin/connector', 'PUT /admin/connector/:connectorId', 'POST /admin/connector/:connectorId/disable',
      'POST /admin/connector/:connectorId/actions/:actionId/run', 'POST /api/v1/orgs/:orgId/automations/:automationId/enable',
      'GET /api/v1/orgs/:orgId/automation-runs', 'PUT /api/v1/workspaces/:workspaceId/settings/connector/:connectorId',
      'GET /api/v1/workspaces/:workspaceId/settings/connector/:connectorId',
    ]) expect(seen, id).toContain(id);
    // Nothing of A's changed either: no mutation got through to write its audit entry.
    const auditAfter = await h.database.pool.query('select count(*)::int as n from audit_log where org_id = $1', [h.a.orgId]);
    expect(auditAfter.rows[0].n).toBe(auditBefore.rows[0].n);
  });

  it("answers 404 when A's objects are reached through B's own org or workspace", async () => {
    let walked = 0;
    for (const route of routes()) {
      const params = paramsOf(route.url);
      if (route.public || !params.some((p) => !SCOPE_PARAMS.has(p) && !PLAIN_PARAMS.has(p))) continue;
      const id = `${route.method} ${route.url}`;
      for (const [who, key] of [['org admin B', h.b.orgAdminKey], ['member B', h.b.memberKey]] as const) {
        const url = fill(route.url, { ...aValues(), orgId: h.b.orgId, workspaceId: h.b.workspaceId });
        const answer = await h.call(key, route.method, url, route.method === 'GET' ? undefined : {});
        expect(answer.status, `${id} as ${who} via B's scope: ${answer.text}`).toBe(404);
        expectNothingOfA(answer.text, `${id} as ${who} via B's scope`);
        walked++;
      }
    }
    expect(walked).toBeGreaterThan(30);
  });

  it("finds nothing of A through query filters naming A's objects", async () => {
    const filters = { orgId: h.a.orgId, workspaceId: h.a.workspaceId, connectionId: s.connectionId, runId: s.runId };
    for (const spec of h.app.routeSpecs) {
      if (spec.method !== 'GET' || spec.access === 'public' || !spec.query) continue;
      const keys = Object.keys((spec.query as unknown as { shape: Record<string, unknown> }).shape).filter((k) => k in filters);
      if (keys.length === 0) continue;
      const query = new URLSearchParams(Object.fromEntries(keys.map((k) => [k, filters[k as keyof typeof filters]])));
      for (const key of [h.b.orgAdminKey, h.b.memberKey]) {
        const url = `${fill(spec.url, { ...aValues(), orgId: h.b.orgId, workspaceId: h.b.workspaceId })}?${query}`;
        const answer = await h.call(key, 'GET', url);
        expect([200, 403, 404], `${url}: ${answer.text}`).toContain(answer.status);
        if (answer.status === 200) expect(answer.body.items ?? [], url).toEqual([]);
        expectNothingOfA(answer.text, url);
      }
    }
  });

  it("refuses A's objects named in a body from B's scope", async () => {
    const wsB = `/api/v1/workspaces/${h.b.workspaceId}`;
    const orgB = `/api/v1/orgs/${h.b.orgId}`;
    const attempts = [
      await h.call(h.b.memberKey, 'POST', `${wsB}/loads`, { connectionId: s.connectionId, object: 'contacts', records: [{ op: 'create', fields: { email: 'x@y.z' } }] }),
      await h.call(h.b.orgAdminKey, 'POST', `${orgB}/api-keys`, { name: 'sneaky', role: 'workspace_member', workspaceId: h.a.workspaceId }),
      await h.call(h.b.orgAdminKey, 'POST', `${orgB}/api-keys`, { name: 'sneaky', role: 'workspace_member', workspaceId: h.b.workspaceId, memberId: s.memberId }),
      await h.call(h.b.orgAdminKey, 'POST', `${orgB}/members`, { email: 'sneaky@example.com', role: 'workspace_member', workspaceId: h.a.workspaceId }),
    ];
    for (const answer of attempts) {
      expect(answer.status, answer.text).toBe(404);
      expectNothingOfA(answer.text, 'body reference');
    }
  });

  it('still serves tenant A to its own keys (the walk above proves isolation, not an outage)', async () => {
    const own = await h.call(h.a.memberKey, 'GET', `/api/v1/workspaces/${h.a.workspaceId}/connections/${s.connectionId}`);
    expect(own.status).toBe(200);
    const admin = await h.call(h.a.orgAdminKey, 'GET', `/api/v1/workspaces/${h.a.workspaceId}/runs/${s.runId}`);
    expect(admin.status).toBe(200);
    const automations = await h.call(h.a.orgAdminKey, 'GET', `/api/v1/orgs/${h.a.orgId}/automations`);
    expect(automations.body.items.map((a: { id: string }) => a.id)).toEqual([s.automationId]);
    const setting = await h.call(h.a.memberKey, 'GET', `/api/v1/workspaces/${h.a.workspaceId}/settings/connector/${s.httpConnectorId}`);
    expect(setting.body).toEqual({ connector_id: s.httpConnectorId, enabled: true, configured: { token: true } });
    expect((await h.call(h.platformKey, 'GET', `/admin/connector/${s.httpConnectorId}`)).status).toBe(200);
  });
});
