/**
 * The three tiers of JSON HTTP connectors, end to end through the HTTP API: the platform admin
 * defines a connector (a loopback server stands in for the partner through `sandbox_base_url`),
 * org A's admin automates it on Stripe change events, two workspaces sync a Stripe sandbox (one
 * configured with a canary token, one opted out), and the dispatch makes exactly the calls it
 * should. Then the org allowlist refuses a domain the platform allowed, and the kill-switch stops
 * every run. Every mutation is in the audit log; the canary is in no answer, entry or plain column.
 */
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeSandbox, type StripeSandbox } from '../../connectors/stripe/sandbox/index.js';
import { ConnectionService } from '../../src/connections/index.js';
import { silentLogger } from '../../src/core/index.js';
import { openKeySource } from '../../src/credentials/index.js';
import { CredentialStore } from '../../src/credentials/store.js';
import { claimChangeEvents, HttpConnectorStore, runAutomationJob, WorkspaceSettings, type AutomationDeps } from '../../src/http-connectors/index.js';
import { createCatalogue } from '../../src/runtime/runtime.js';
import { storeApiKey } from '../../src/server/api-keys.js';
import { buildServer } from '../../src/server/app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { json, startScriptedServer, type ScriptedServer } from '../support/http-server.js';

// Answers are JSON of many shapes; the test reads them loosely and asserts what it cares about.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;
interface Answer { status: number; body: Body; text: string }
interface Change { seq: number; externalId: string; data: { email: string } }

const CUSTOMERS = 4;
const CONNECTOR = 'partner-hooks';
const ACTION = 'notify';
const canary = `canary-${randomBytes(12).toString('hex')}-token`;

const definition = (sandboxBaseUrl: string) => ({
  connector_id: CONNECTOR, display_name: 'Partner hooks', auth_type: 'bearer',
  auth_schema: { fields: [{ name: 'token', label: 'Partner token', type: 'password', secret: true, required: true }] },
  actions: [{
    action_id: ACTION, http_method: 'POST', url_template: 'https://hooks.partner.example/v1/contacts/{contact_id}',
    body_schema: {
      type: 'object', required: ['contact_id', 'email'], additionalProperties: false,
      properties: { contact_id: { type: 'string', minLength: 1 }, email: { type: 'string', minLength: 3 } },
    },
  }],
  allowed_domains: ['hooks.partner.example'], enabled: true, sandbox_base_url: sandboxBaseUrl,
});

describe('HTTP connectors as JSON, automations, three tiers (through the API)', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let stripe: StripeSandbox;
  /** The partner API: answers every call, and echoes the token it was sent (a careless partner). */
  let partner: ScriptedServer;
  let deps: AutomationDeps;
  const answers: string[] = [];
  let platformKey = '';
  let orgAdminKey = '';
  let orgId = '';
  const ws: Array<{ id: string; memberKey: string; connectionId: string }> = [];

  async function call(key: string, method: string, url: string, body?: unknown): Promise<Answer> {
    const res = await app.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${key}` }, ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}) });
    answers.push(res.body);
    let parsed: Body = null;
    try { parsed = res.json(); } catch { parsed = null; }
    return { status: res.statusCode, body: parsed, text: res.body };
  }
  const expectStatus = (answer: Answer, status: number) => expect(answer.status, answer.text).toBe(status);

  /** Syncs a workspace's Stripe customers (inline: this server has no pg-boss) and answers the change events it logged. */
  async function sync(i: number): Promise<Change[]> {
    const { id, memberKey, connectionId } = ws[i]!;
    const before = await call(memberKey, 'GET', `/api/v1/workspaces/${id}/changes?object=customers&limit=1000`);
    const after = before.body.nextAfter as number;
    const run = await call(memberKey, 'POST', `/api/v1/workspaces/${id}/connections/${connectionId}/streams/customers/runs`, { mode: 'full' });
    expectStatus(run, 202);
    expect(run.body.status, run.text).toBe('succeeded');
    const changes = await call(memberKey, 'GET', `/api/v1/workspaces/${id}/changes?object=customers&limit=1000&after=${after}`);
    return changes.body.items as Change[];
  }

  /**
   * The dispatch the platform's tick does, by hand: no pg-boss in this test, so the jobs that
   * dispatchAutomationEvents would queue are claimed here and run one by one as the worker would.
   */
  async function dispatch(): Promise<Array<{ workspaceId: string; status: string }>> {
    const jobs = await claimChangeEvents(deps.pool);
    const outcomes = [];
    for (const job of jobs) outcomes.push({ workspaceId: job.event.workspaceId, status: (await runAutomationJob(deps, job)).status });
    return outcomes;
  }

  const runsOf = async () => (await call(orgAdminKey, 'GET', `/api/v1/orgs/${orgId}/automation-runs?limit=500`)).body.items as Array<{ workspace_id: string; status: string; outcome: Body; created_at: string }>;

  beforeAll(async () => {
    database = await createTestDatabase();
    stripe = await startStripeSandbox({ rateLimit: false });
    stripe.seed('customers', CUSTOMERS);
    partner = await startScriptedServer((req, res) => json(res, 200, { accepted: true, path: req.url, echoed: (req.headers.authorization ?? '').replace(/^Bearer /, '') }));
    const keys = openKeySource({ envKey: randomBytes(32).toString('hex'), dataDir: tmpdir(), mayGenerate: false });
    const registry = createCatalogue();
    const connections = new ConnectionService({ pool: database.pool, registry, credentials: new CredentialStore(database.pool, keys), logger: silentLogger, allowSandbox: true });
    const httpConnectors = new HttpConnectorStore(database.pool);
    const settings = new WorkspaceSettings(database.pool, keys);
    app = await buildServer({
      db: database.db, registry, logger: silentLogger, ping: async () => { await database.pool.query('select 1'); },
      // The platform's sandbox egress policy: loopback stand-ins (Stripe, the partner) are honoured.
      services: { pool: database.pool, connections, httpConnectors, settings, allowSandbox: true },
    });
    await app.ready();
    deps = { pool: database.pool, connectors: httpConnectors, settings, logger: silentLogger, allowSandbox: true };
    // The first platform admin key, as `forge serve` prints it once; everything else goes through the API.
    platformKey = `fw_${randomBytes(24).toString('base64url')}`;
    await storeApiKey(database.db, platformKey, { name: 'platform', role: 'platform_admin' });
  });
  afterAll(async () => {
    await app?.close();
    await partner?.close();
    await stripe?.stop();
    await database?.close();
  });

  it('1. the platform admin registers a connector, versions it, and a malformed one is refused naming every bad path', async () => {
    const bad = await call(platformKey, 'POST', '/admin/connector', {
      ...definition(partner.url), connector_id: 'bad-hooks', allowed_domains: ['*.com', '10.0.0.1'],
      actions: [{ action_id: ACTION, http_method: 'POST', url_template: 'https://{tenant}.partner.example/v1/contacts/{contact_id}', body_schema: { type: 'object' } }],
    });
    expectStatus(bad, 400);
    const fields = (bad.body.error.fields as Array<{ field: string; message: string }>).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['allowed_domains.0', 'allowed_domains.1', 'actions.0.url_template']));
    expect(bad.text).toMatch(/too broad/);
    expect(bad.text).toMatch(/IP address/);
    expect(bad.text).toMatch(/no placeholder/);

    const registered = await call(platformKey, 'POST', '/admin/connector', definition(partner.url));
    expectStatus(registered, 201);
    expect(registered.body).toMatchObject({ version: 1, enabled: true, definition: { connector_id: CONNECTOR, auth_type: 'bearer', allowed_domains: ['hooks.partner.example'] } });
    expectStatus(await call(platformKey, 'POST', '/admin/connector', definition(partner.url)), 409);
    const updated = await call(platformKey, 'PUT', `/admin/connector/${CONNECTOR}`, { ...definition(partner.url), display_name: 'Partner hooks (v2)' });
    expectStatus(updated, 200);
    expect(updated.body).toMatchObject({ version: 2, definition: { display_name: 'Partner hooks (v2)' } });
    const listed = await call(platformKey, 'GET', '/admin/connector');
    expect(listed.body.items.map((c: Body) => [c.definition.connector_id, c.version])).toEqual([[CONNECTOR, 2]]);
    const one = await call(platformKey, 'GET', `/admin/connector/${CONNECTOR}`);
    expect(one.body.versions.map((v: Body) => v.version)).toEqual([1, 2]);
  });

  it('2. the org admin of org A builds an automation on change events of customers', async () => {
    const org = await call(platformKey, 'POST', '/api/v1/orgs', { name: 'Org A' });
    expectStatus(org, 201);
    orgId = org.body.id;
    const key = await call(platformKey, 'POST', `/api/v1/orgs/${orgId}/api-keys`, { name: 'A admin', role: 'org_admin' });
    expectStatus(key, 201);
    orgAdminKey = key.body.key;

    // An automation naming an action the connector does not have is refused.
    const mapping = [{ target: 'contact_id', source: 'externalId' }, { target: 'email', source: 'data.email' }];
    const trigger = { type: 'change_event', object: 'customers' };
    expectStatus(await call(orgAdminKey, 'POST', `/api/v1/orgs/${orgId}/automations`, { name: 'x', trigger, connector_id: CONNECTOR, action_id: 'nope', mapping }), 404);
    const automation = await call(orgAdminKey, 'POST', `/api/v1/orgs/${orgId}/automations`, { name: 'New customers to the partner', trigger, connector_id: CONNECTOR, action_id: ACTION, mapping });
    expectStatus(automation, 201);
    expect(automation.body).toMatchObject({ connector_id: CONNECTOR, action_id: ACTION, enabled: true, trigger: { type: 'change_event', object: 'customers' } });
    const listed = await call(orgAdminKey, 'GET', `/api/v1/orgs/${orgId}/automations`);
    expect(listed.body.items.map((a: Body) => a.id)).toEqual([automation.body.id]);
  });

  let changes1: Change[] = [];
  let changes2: Change[] = [];

  it('3. two workspaces connect the Stripe sandbox and sync; one stores its token, the other opts out', async () => {
    for (const name of ['Workspace 1', 'Workspace 2']) {
      const created = await call(orgAdminKey, 'POST', `/api/v1/orgs/${orgId}/workspaces`, { name });
      expectStatus(created, 201);
      const member = await call(orgAdminKey, 'POST', `/api/v1/orgs/${orgId}/api-keys`, { name: `${name} member`, role: 'workspace_member', workspaceId: created.body.id });
      expectStatus(member, 201);
      const connection = await call(member.body.key, 'POST', `/api/v1/workspaces/${created.body.id}/connections`, {
        connectorId: 'stripe', authMethod: 'secret_key', credentials: { apiKey: stripe.apiKey }, sandboxBaseUrl: stripe.baseUrl,
      });
      expectStatus(connection, 201);
      ws.push({ id: created.body.id, memberKey: member.body.key, connectionId: connection.body.id });
    }
    const [one, two] = ws as [typeof ws[0], typeof ws[0]];
    const configured = await call(one.memberKey, 'PUT', `/api/v1/workspaces/${one.id}/settings/connector/${CONNECTOR}`, { enabled: true, config: { token: canary } });
    expectStatus(configured, 200);
    expect(configured.body).toEqual({ connector_id: CONNECTOR, enabled: true, configured: { token: true } });
    const optedOut = await call(two.memberKey, 'PUT', `/api/v1/workspaces/${two.id}/settings/connector/${CONNECTOR}`, { enabled: false });
    expectStatus(optedOut, 200);
    expect(optedOut.body).toEqual({ connector_id: CONNECTOR, enabled: false, configured: {} });
    // The write-only setting reads back as "configured", never as its value.
    expect((await call(one.memberKey, 'GET', `/api/v1/workspaces/${one.id}/settings/connector/${CONNECTOR}`)).body).toEqual({ connector_id: CONNECTOR, enabled: true, configured: { token: true } });

    changes1 = await sync(0);
    changes2 = await sync(1);
    expect(changes1).toHaveLength(CUSTOMERS);
    expect(changes2).toHaveLength(CUSTOMERS);
    expect(changes1.every((c) => c.externalId.startsWith('cus_') && c.data.email.includes('@'))).toBe(true);
  });

  it('4. the dispatch calls the partner once per change event of workspace 1 with its token and the mapped body, and skips workspace 2', async () => {
    partner.seen.length = 0;
    const outcomes = await dispatch();
    expect(outcomes.filter((o) => o.workspaceId === ws[0]!.id).map((o) => o.status)).toEqual(Array(CUSTOMERS).fill('ran'));
    expect(outcomes.filter((o) => o.workspaceId === ws[1]!.id).map((o) => o.status)).toEqual(Array(CUSTOMERS).fill('skipped_opted_out'));
    expect(outcomes).toHaveLength(2 * CUSTOMERS);

    expect(partner.seen).toHaveLength(CUSTOMERS);
    for (const request of partner.seen) {
      expect(request.method).toBe('POST');
      expect(request.headers.authorization).toBe(`Bearer ${canary}`);
    }
    const calls = partner.seen.map((r) => ({ url: r.url, body: JSON.parse(r.body) as unknown })).sort((x, y) => x.url.localeCompare(y.url));
    const expected = changes1.map((c) => ({ url: `/v1/contacts/${encodeURIComponent(c.externalId)}`, body: { email: c.data.email } })).sort((x, y) => x.url.localeCompare(y.url));
    expect(calls).toEqual(expected);
    // Nothing is handed out twice: a second dispatch finds no new event.
    expect(await dispatch()).toEqual([]);
    expect(partner.seen).toHaveLength(CUSTOMERS);

    const runs = await runsOf();
    expect(runs.filter((r) => r.workspace_id === ws[0]!.id).map((r) => r.status)).toEqual(Array(CUSTOMERS).fill('ran'));
    expect(runs.filter((r) => r.workspace_id === ws[1]!.id).map((r) => r.status)).toEqual(Array(CUSTOMERS).fill('skipped_opted_out'));
    expect(runs.find((r) => r.status === 'ran')!.outcome).toMatchObject({ ok: true, status: 200, error: null });
  });

  it('5. a one-off run of the action answers the envelope (and a careless partner\'s echo of the token is scrubbed)', async () => {
    partner.seen.length = 0;
    const ran = await call(platformKey, 'POST', `/admin/connector/${CONNECTOR}/actions/${ACTION}/run`, { workspace_id: ws[0]!.id, inputs: { contact_id: 'cus_manual 1/2', email: 'manual@example.com' } });
    expectStatus(ran, 200);
    expect(ran.body).toMatchObject({ status: 'ran', ok: true, httpStatus: 200, latencyMs: expect.any(Number), error: null, body: { accepted: true, path: '/v1/contacts/cus_manual%201%2F2' } });
    expect(partner.seen).toHaveLength(1);
    expect(partner.seen[0]!.headers.authorization).toBe(`Bearer ${canary}`);
    expect(JSON.parse(partner.seen[0]!.body)).toEqual({ email: 'manual@example.com' });
    // The partner echoed the token back; the envelope shows it redacted.
    expect(ran.body.body.echoed).toBe('[REDACTED]');
    expect(ran.text).not.toContain(canary);

    const invalid = await call(platformKey, 'POST', `/admin/connector/${CONNECTOR}/actions/${ACTION}/run`, { workspace_id: ws[0]!.id, inputs: { contact_id: 'x' } });
    expect(invalid.body).toMatchObject({ status: 'ran', ok: false, error: { kind: 'validation', fields: [{ field: 'email' }] } });
    const optedOut = await call(platformKey, 'POST', `/admin/connector/${CONNECTOR}/actions/${ACTION}/run`, { workspace_id: ws[1]!.id, inputs: { contact_id: 'x', email: 'x@example.com' } });
    expect(optedOut.body).toEqual({ status: 'skipped_opted_out' });
    expect(partner.seen).toHaveLength(1);
  });

  it('6. the org allowlist refuses a domain the platform allowed: the next event is refused before any call', async () => {
    expectStatus(await call(orgAdminKey, 'PUT', `/api/v1/orgs/${orgId}/allowlist`, { domains: ['api.elsewhere.example'] }), 200);
    stripe.seed('customers', 1);
    const changes = await sync(0);
    expect(changes).toHaveLength(1);
    partner.seen.length = 0;
    expect(await dispatch()).toEqual([{ workspaceId: ws[0]!.id, status: 'ran' }]);
    expect(partner.seen).toHaveLength(0);
    const [latest] = await runsOf();
    expect(latest).toMatchObject({ workspace_id: ws[0]!.id, status: 'dead', outcome: { ok: false, error: { kind: 'permanent', code: 'egress_org_not_allowed' } } });

    // Both lists pass again once the org allows the partner: the next event is called.
    expectStatus(await call(orgAdminKey, 'PUT', `/api/v1/orgs/${orgId}/allowlist`, { domains: ['*.partner.example'] }), 200);
    stripe.seed('customers', 1);
    const next = await sync(0);
    expect(await dispatch()).toEqual([{ workspaceId: ws[0]!.id, status: 'ran' }]);
    expect(partner.seen.map((r) => r.url)).toEqual([`/v1/contacts/${next[0]!.externalId}`]);
  });

  it('7. the kill-switch: a disabled connector\'s runs are recorded skipped_disabled and nothing is called', async () => {
    const disabled = await call(platformKey, 'POST', `/admin/connector/${CONNECTOR}/disable`);
    expectStatus(disabled, 200);
    expect(disabled.body).toMatchObject({ enabled: false, version: 3 });
    stripe.seed('customers', 1);
    expect(await sync(0)).toHaveLength(1);
    // Workspace 2 last synced in step 3: it sees the three customers added since.
    expect(await sync(1)).toHaveLength(3);
    partner.seen.length = 0;
    const outcomes = await dispatch();
    expect(outcomes.map((o) => o.status)).toEqual(Array(4).fill('skipped_disabled'));
    expect(partner.seen).toHaveLength(0);
    const runs = await runsOf();
    expect(runs.slice(0, 4).map((r) => [r.workspace_id, r.status])).toEqual(expect.arrayContaining([[ws[0]!.id, 'skipped_disabled'], [ws[1]!.id, 'skipped_disabled']]));
    expect(runs.slice(0, 4).every((r) => r.status === 'skipped_disabled')).toBe(true);
    expect(runs.filter((r) => r.status === 'skipped_disabled')).toHaveLength(4);
    const once = await call(platformKey, 'POST', `/admin/connector/${CONNECTOR}/actions/${ACTION}/run`, { workspace_id: ws[0]!.id, inputs: { contact_id: 'x', email: 'x@example.com' } });
    expect(once.body).toEqual({ status: 'skipped_disabled' });
    expect(partner.seen).toHaveLength(0);
  });

  it('8. every mutation of the three tiers is in the audit log with who, what and when; the canary is nowhere', async () => {
    const audit = await call(platformKey, 'GET', '/api/v1/audit?limit=500');
    expectStatus(audit, 200);
    const entries = audit.body.items as Array<{ orgId: string | null; workspaceId: string | null; actor: { keyId: string; role: string }; action: string; target: string; diff: Body; at: string }>;
    for (const entry of entries) {
      expect(entry.actor.keyId, entry.action).toMatch(/^[0-9a-f-]{36}$/);
      expect(Number.isNaN(Date.parse(entry.at)), entry.action).toBe(false);
    }
    const who = (action: string) => entries.filter((e) => e.action === action).map((e) => e.actor.role);
    expect(who('http_connector.create')).toEqual(['platform_admin']);
    expect(who('http_connector.update')).toEqual(['platform_admin']);
    expect(who('http_connector.disable')).toEqual(['platform_admin']);
    expect(who('http_connector.run')).toEqual(Array(4).fill('platform_admin'));
    expect(who('automation.create')).toEqual(['org_admin']);
    expect(who('org.allowlist.update')).toEqual(['org_admin', 'org_admin']);
    expect(who('setting.connector.update')).toEqual(['workspace_member', 'workspace_member']);
    expect(entries.filter((e) => e.action === 'setting.connector.update').map((e) => e.workspaceId).sort()).toEqual(ws.map((w) => w.id).sort());
    const configured = entries.find((e) => e.action === 'setting.connector.update' && e.workspaceId === ws[0]!.id)!;
    expect(configured).toMatchObject({ orgId, target: `setting:connector:${CONNECTOR}`, diff: { enabled: true, config: { token: '[REDACTED]' } } });
    expect(entries.find((e) => e.action === 'http_connector.create')).toMatchObject({ orgId: null, target: `http_connector:${CONNECTOR}`, diff: { version: 1 } });
    expect(entries.find((e) => e.action === 'http_connector.disable')).toMatchObject({ target: `http_connector:${CONNECTOR}`, diff: { enabled: false } });
    expect(entries.find((e) => e.action === 'org.allowlist.update')).toMatchObject({ orgId, diff: { domainAllowlist: { to: ['*.partner.example'] } } });
    // The refused definition wrote nothing.
    expect(JSON.stringify(entries)).not.toContain('bad-hooks');

    // The org admin sees their org's part: the automation, the settings, and the runs made for their workspaces.
    const mine = (await call(orgAdminKey, 'GET', '/api/v1/audit?limit=500')).body.items as Array<{ action: string; orgId: string }>;
    expect(mine.every((e) => e.orgId === orgId)).toBe(true);
    for (const action of ['automation.create', 'setting.connector.update', 'org.allowlist.update', 'http_connector.run']) expect(mine.map((e) => e.action)).toContain(action);

    // The canary: in no answer the API gave, no audit entry, and no column in plain text.
    expect(answers.length).toBeGreaterThan(40);
    for (const text of answers) expect(text).not.toContain(canary);
    const { rows: tables } = await database.pool.query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['audit_log', 'workspace_settings', 'automation_runs', 'http_connectors', 'http_connector_versions']));
    for (const { table_name: table } of tables) {
      const { rows } = await database.pool.query(`select * from "${table}"`);
      for (const row of rows) {
        for (const value of Object.values(row as Record<string, unknown>)) {
          if (Buffer.isBuffer(value)) expect(value.includes(canary), `${table}: plain bytes`).toBe(false);
          else expect(JSON.stringify(value) ?? '', table).not.toContain(canary);
        }
      }
    }
    const { rows: stored } = await database.pool.query<{ ciphertext: Buffer | null }>('select ciphertext from workspace_settings where workspace_id = $1', [ws[0]!.id]);
    expect(stored[0]!.ciphertext!.length).toBeGreaterThan(canary.length);
  });
});
