/**
 * The org tier's automations through the API, as the console uses them: a cron that does not
 * parse is refused naming `trigger.cron`, an edit replaces the trigger (a webhook keeps its token,
 * a new webhook gets one, answered once), each automation lists its own runs with their errors,
 * and a workspace sees the platform's JSON connectors with its own setting for each.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness, type Body } from './testing/harness.js';

const CONNECTOR = 'crm-hooks';
const definition = {
  connector_id: CONNECTOR, display_name: 'CRM hooks', auth_type: 'bearer',
  auth_schema: { fields: [{ name: 'token', label: 'Token', type: 'password', secret: true, required: true }] },
  actions: [{
    action_id: 'notify', http_method: 'POST', url_template: 'https://hooks.crm.example/v1/contacts/{contact_id}', description: 'Tell the CRM about a contact',
    body_schema: { type: 'object', required: ['email'], properties: { email: { type: 'string' }, note: { type: 'string' } } },
  }],
  allowed_domains: ['hooks.crm.example'],
};
const mapping = [{ target: 'contact_id', source: 'externalId' }, { target: 'email', source: 'data.email' }];

describe('automations (org tier) and connector settings (workspace tier)', () => {
  let h: ApiHarness;
  let org: string;
  beforeAll(async () => {
    h = await startApiHarness();
    org = `/api/v1/orgs/${h.a.orgId}`;
    expect((await h.call(h.platformKey, 'POST', '/admin/connector', definition)).status).toBe(201);
  });
  afterAll(async () => h?.close());

  const create = (body: Record<string, unknown>) => h.call(h.a.orgAdminKey, 'POST', `${org}/automations`, { connector_id: CONNECTOR, action_id: 'notify', mapping, ...body });
  const auditOf = async (action: string) => (await h.database.pool.query('select target, diff from audit_log where action = $1 order by id', [action])).rows;

  it('refuses a schedule whose cron does not parse, naming trigger.cron, and stores nothing', async () => {
    for (const cron of ['every five minutes', '* *']) {
      const answer = await create({ name: 'Nightly', trigger: { type: 'schedule', cron } });
      expect(answer.status, answer.text).toBe(400);
      expect(answer.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['trigger.cron']);
    }
    const { rows } = await h.database.pool.query('select count(*)::int as n from automations');
    expect(rows[0].n).toBe(0);
    expect(await auditOf('automation.create')).toEqual([]);
  });

  it('creates a schedule with its next slot and no run yet, and edits it: a new cron starts afresh', async () => {
    const created = await create({ name: 'Nightly', trigger: { type: 'schedule', cron: '0 2 * * *' } });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ name: 'Nightly', enabled: true, trigger: { type: 'schedule', cron: '0 2 * * *' }, last_run: null });
    expect(new Date(created.body.next_run_at).getUTCHours()).toBe(2);
    expect(created.body).not.toHaveProperty('webhook');
    const url = `${org}/automations/${created.body.id}`;
    await h.database.pool.query(`update automations set next_run_at = now() + interval '1 hour' where id = $1`, [created.body.id]);

    const bad = await h.call(h.a.orgAdminKey, 'PUT', url, { name: 'Nightly', trigger: { type: 'schedule', cron: '61 * * * *' }, connector_id: CONNECTOR, action_id: 'notify', mapping });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([expect.objectContaining({ field: 'trigger.cron' })]);

    const edited = await h.call(h.a.orgAdminKey, 'PUT', url, { name: 'Every 15 minutes', trigger: { type: 'schedule', cron: '*/15 * * * *' }, connector_id: CONNECTOR, action_id: 'notify', mapping, enabled: false });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Every 15 minutes', enabled: false, trigger: { cron: '*/15 * * * *' } });
    // The stored slot belonged to the old cron: it is cleared, and the answer shows the new cron's next slot.
    const { rows } = await h.database.pool.query('select next_run_at from automations where id = $1', [created.body.id]);
    expect(rows[0].next_run_at).toBeNull();
    expect(new Date(edited.body.next_run_at).getUTCMinutes() % 15).toBe(0);
    expect((await h.call(h.a.orgAdminKey, 'GET', url)).body).toMatchObject({ id: created.body.id, name: 'Every 15 minutes', enabled: false });
    const [entry] = await auditOf('automation.update');
    expect(entry).toMatchObject({ target: `automation:${created.body.id}`, diff: { name: { from: 'Nightly', to: 'Every 15 minutes' }, enabled: { from: true, to: false }, trigger: { from: { cron: '0 2 * * *' }, to: { cron: '*/15 * * * *' } } } });
  });

  it('keeps a webhook\'s token across edits, and answers a new token once when a trigger becomes a webhook', async () => {
    const hook = await create({ name: 'Inbound', trigger: { type: 'webhook' } });
    expect(hook.status).toBe(201);
    const token = hook.body.webhook.token as string;
    expect(hook.body.webhook.url).toBe(`/hooks/automations/${hook.body.id}`);
    const hashOf = async (id: string) => (await h.database.pool.query('select trigger->>\'tokenHash\' as hash from automations where id = $1', [id])).rows[0].hash;
    expect(await hashOf(hook.body.id)).toBe(createHash('sha256').update(token).digest('hex'));

    const renamed = await h.call(h.a.orgAdminKey, 'PUT', `${org}/automations/${hook.body.id}`, { name: 'Inbound (renamed)', trigger: { type: 'webhook' }, connector_id: CONNECTOR, action_id: 'notify', mapping });
    expect(renamed.status).toBe(200);
    expect(renamed.body).not.toHaveProperty('webhook');
    expect(await hashOf(hook.body.id)).toBe(createHash('sha256').update(token).digest('hex'));

    const schedule = await create({ name: 'Becomes a webhook', trigger: { type: 'schedule', cron: '0 * * * *' } });
    const turned = await h.call(h.a.orgAdminKey, 'PUT', `${org}/automations/${schedule.body.id}`, { name: 'Now a webhook', trigger: { type: 'webhook' }, connector_id: CONNECTOR, action_id: 'notify', mapping });
    expect(turned.body.webhook.token).toMatch(/^fwh_/);
    expect(await hashOf(schedule.body.id)).toBe(createHash('sha256').update(turned.body.webhook.token).digest('hex'));
    expect(turned.body).toMatchObject({ trigger: { type: 'webhook' }, next_run_at: null });
    // Never again: not in the list, not in the audit log.
    const everything = JSON.stringify([(await h.call(h.a.orgAdminKey, 'GET', `${org}/automations`)).body, await auditOf('automation.update'), await auditOf('automation.create')]);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(turned.body.webhook.token);
    expect(everything).not.toContain('tokenHash');
  });

  it('lists one automation\'s runs newest first with their errors, and its last run in the list', async () => {
    const automation = await create({ name: 'On contacts', trigger: { type: 'change_event', object: 'contacts' } });
    const other = await create({ name: 'Other', trigger: { type: 'change_event', object: 'contacts' } });
    const record = (id: string, status: string, outcome: unknown, minutesAgo: number) => h.database.pool.query(
      `insert into automation_runs (automation_id, org_id, workspace_id, connector_id, action_id, status, outcome, created_at) values ($1, $2, $3, $4, 'notify', $5, $6, now() - make_interval(mins => $7))`,
      [id, h.a.orgId, h.a.workspaceId, CONNECTOR, status, outcome === null ? null : JSON.stringify(outcome), minutesAgo]);
    await record(automation.body.id, 'ran', { ok: true, status: 200, latencyMs: 12, error: null }, 30);
    await record(automation.body.id, 'skipped_unconfigured', null, 20);
    await record(automation.body.id, 'dead', { ok: false, status: 422, latencyMs: 40, error: { kind: 'validation', message: 'email is invalid' } }, 10);
    await record(other.body.id, 'ran', { ok: true, status: 200, latencyMs: 9, error: null }, 1);

    const runs = await h.call(h.a.orgAdminKey, 'GET', `${org}/automations/${automation.body.id}/runs`);
    expect(runs.status).toBe(200);
    expect(runs.body.items.map((r: Body) => [r.status, r.error])).toEqual([
      ['dead', 'validation: email is invalid (HTTP 422)'],
      ['skipped_unconfigured', 'the workspace has not stored credentials for this connector'],
      ['ran', null],
    ]);
    expect((await h.call(h.a.orgAdminKey, 'GET', `${org}/automations/${automation.body.id}/runs?limit=1`)).body.items).toHaveLength(1);
    const listed = (await h.call(h.a.orgAdminKey, 'GET', `${org}/automations`)).body.items as Body[];
    expect(listed.find((a) => a.id === automation.body.id).last_run).toMatchObject({ status: 'dead', error: 'validation: email is invalid (HTTP 422)' });
    expect(listed.find((a) => a.id === other.body.id).last_run).toMatchObject({ status: 'ran', error: null });
    const recent = await h.call(h.a.orgAdminKey, 'GET', `${org}/automation-runs?limit=2`);
    expect(recent.body.items.map((r: Body) => r.status)).toEqual(['ran', 'dead']);

    // Another org's admin finds nothing; a workspace member may not look; nothing is written for either.
    const before = (await h.database.pool.query('select count(*)::int as n from audit_log')).rows[0].n;
    for (const [method, path] of [['GET', '/runs'], ['GET', ''], ['PUT', '']] as const) {
      const url = `${org}/automations/${automation.body.id}${path}`;
      const body = method === 'PUT' ? { name: 'x', trigger: { type: 'webhook' }, connector_id: CONNECTOR, action_id: 'notify', mapping } : undefined;
      expect((await h.call(h.b.orgAdminKey, method, url, body)).status).toBe(404);
      expect((await h.call(h.b.orgAdminKey, method, `/api/v1/orgs/${h.b.orgId}/automations/${automation.body.id}${path}`, body)).status).toBe(404);
      expect((await h.call(h.a.memberKey, method, url, body)).status).toBe(403);
    }
    expect((await h.database.pool.query('select count(*)::int as n from audit_log')).rows[0].n).toBe(before);
  });

  it('shows a workspace the platform\'s JSON connectors with their inputs and its own setting, never the values', async () => {
    const ws = `/api/v1/workspaces/${h.a.workspaceId}/settings/connector`;
    const before = await h.call(h.a.memberKey, 'GET', ws);
    expect(before.status).toBe(200);
    expect(before.body.items).toEqual([{
      connector_id: CONNECTOR, display_name: 'CRM hooks', auth_type: 'bearer', enabled: true, version: 1,
      auth_fields: [{ name: 'token', label: 'Token', type: 'password', required: true, secret: true }],
      actions: [{
        action_id: 'notify', http_method: 'POST', description: 'Tell the CRM about a contact',
        inputs: [{ name: 'contact_id', required: true }, { name: 'email', required: true }, { name: 'note', required: false }],
      }],
      setting: null,
    }]);
    expect(before.text).not.toContain('hooks.crm.example');
    expect((await h.call(h.a.memberKey, 'PUT', `${ws}/${CONNECTOR}`, { enabled: true, config: { token: 'secret-token-value' } })).status).toBe(200);
    const after = await h.call(h.a.memberKey, 'GET', ws);
    expect(after.body.items[0].setting).toEqual({ enabled: true, configured: { token: true } });
    expect(after.text).not.toContain('secret-token-value');
    // Workspace B stored nothing, and cannot read A's.
    expect((await h.call(h.b.memberKey, 'GET', `/api/v1/workspaces/${h.b.workspaceId}/settings/connector`)).body.items[0].setting).toBeNull();
    expect((await h.call(h.b.memberKey, 'GET', ws)).status).toBe(404);
  });
});
