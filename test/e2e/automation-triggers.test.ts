/**
 * Automation triggers besides change events: an inbound webhook (token shown once, checked by
 * hash; wrong tokens refused) runs its action through pg-boss, and a schedule fires once per
 * workspace when its cron slot comes.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePlatform, type RunningPlatform } from '../../src/cli/serve.js';
import { claimScheduledRuns, runAutomationJob } from '../../src/http-connectors/index.js';
import { nextRun } from '../../src/orchestration/index.js';
import { silentLogger } from '../../src/core/index.js';
import { json, startScriptedServer, type ScriptedServer } from '../support/http-server.js';

const ADMIN = 'fw_triggers_test_key_0123456789abcdef';

describe('automation triggers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forge-triggers-'));
  chmodSync(dir, 0o755);
  let platform: RunningPlatform;
  let partner: ScriptedServer;
  beforeAll(async () => {
    partner = await startScriptedServer((req, res) => json(res, 200, { got: req.url }));
    platform = await servePlatform({ port: 0, sandboxEgress: true, logLevel: 'warn' }, { FORGE_DATA_DIR: join(dir, 'forge'), FORGE_ADMIN_KEY: ADMIN });
  });
  afterAll(async () => { await platform.stop(); await partner.close(); rmSync(dir, { recursive: true, force: true }); });

  const api = async (method: string, path: string, body?: unknown, key = ADMIN) => {
    const res = await fetch(`${platform.url}${path}`, { method, headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('runs a webhook-triggered and a scheduled automation', async () => {
    const registered = await api('POST', '/admin/connector', {
      connector_id: 'partner-ping', display_name: 'Partner ping', auth_type: 'none', allowed_domains: ['hooks.partner.example'], sandbox_base_url: partner.url,
      actions: [{ action_id: 'ping', http_method: 'POST', url_template: 'https://hooks.partner.example/v1/ping/{item}', body_schema: { type: 'object', required: ['item'] } }],
    });
    expect(registered.status).toBe(201);
    const org = await api('POST', '/api/v1/orgs', { name: 'Trigger org' });
    const ws = await api('POST', `/api/v1/orgs/${org.body.id}/workspaces`, { name: 'Trigger ws' });
    const hook = await api('POST', `/api/v1/orgs/${org.body.id}/automations`, {
      name: 'on webhook', trigger: { type: 'webhook' }, connector_id: 'partner-ping', action_id: 'ping', mapping: [{ target: 'item', source: 'data.id' }],
    });
    expect(hook.status).toBe(201);
    const { url, token } = hook.body.webhook as { url: string; token: string };
    expect(JSON.stringify((await api('GET', `/api/v1/orgs/${org.body.id}/automations`)).body)).not.toContain(token);

    const post = (authorization: string) => fetch(`${platform.url}${url}`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ workspace_id: ws.body.id, data: { id: 'item-7' } }) });
    expect((await post('Bearer fwh_wrong')).status).toBe(404);
    expect((await post(`Bearer ${token}`)).status).toBe(202);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !partner.seen.some((r) => r.url === '/v1/ping/item-7')) await new Promise((r) => setTimeout(r, 200));
    expect(partner.seen.filter((r) => r.url === '/v1/ping/item-7')).toHaveLength(1);

    const scheduled = await api('POST', `/api/v1/orgs/${org.body.id}/automations`, {
      name: 'every five minutes', trigger: { type: 'schedule', cron: '*/5 * * * *' }, connector_id: 'partner-ping', action_id: 'ping',
      mapping: [{ target: 'item', source: 'workspaceId' }],
    });
    expect(scheduled.status).toBe(201);
    const { pool } = platform.runtime.database;
    const now = new Date();
    // The first look only sets the next slot; the slot's arrival fires once per workspace.
    expect(await claimScheduledRuns(pool, nextRun, now)).toEqual([]);
    const slot = nextRun('*/5 * * * *', now);
    const jobs = (await claimScheduledRuns(pool, nextRun, new Date(slot.getTime() + 1000))).filter((j) => j.automationId === scheduled.body.id);
    expect(jobs.map((j) => j.event.workspaceId)).toEqual([ws.body.id]);
    const deps = { pool, connectors: platform.runtime.httpConnectors, settings: platform.runtime.settings, logger: silentLogger, allowSandbox: true };
    for (const job of jobs) await runAutomationJob(deps, job);
    expect(partner.seen.some((r) => r.url === `/v1/ping/${ws.body.id}`)).toBe(true);
    expect(await claimScheduledRuns(pool, nextRun, new Date(slot.getTime() + 2000))).toEqual([]);
  }, 60_000);
});
