/**
 * The same flow as the console, from the terminal: `forge connect` a sandbox, `forge sync` with
 * progress, `forge runs`, `forge load --dry-run`, `forge load`, `forge rollback`, each a real
 * process against a running platform (the commands join its embedded database), with --json
 * output and exit codes checked.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubspotSandbox, type HubspotSandbox } from '../../connectors/hubspot/sandbox/index.js';
import { servePlatform, type RunningPlatform } from '../../src/cli/serve.js';

describe('forge from the terminal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forge-cli-'));
  chmodSync(dir, 0o755);
  const env = { FORGE_DATA_DIR: join(dir, 'forge'), FORGE_ADMIN_KEY: 'fw_cli_test_key_0123456789abcdef', FORGE_SANDBOX_EGRESS: '1', LOG_LEVEL: 'warn' };
  let platform: RunningPlatform;
  let hubspot: HubspotSandbox;
  beforeAll(async () => {
    hubspot = await startHubspotSandbox({ seed: { contacts: 30 }, rateLimit: false });
    platform = await servePlatform({ port: 0, sandboxEgress: true, logLevel: 'warn' }, env);
  });
  afterAll(async () => { await platform.stop(); await hubspot.stop(); rmSync(dir, { recursive: true, force: true }); });

  function forge(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['bin/forge.js', ...args], { env: { ...process.env, ...env, DATABASE_URL: '' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => { stdout += d; });
      child.stderr.on('data', (d: Buffer) => { stderr += d; });
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('connects, syncs with progress, dry-runs, loads and rolls back, with meaningful exit codes', async () => {
    const { pool } = platform.runtime.database;
    const org = await pool.query<{ id: string }>(`insert into orgs (name) values ('CLI org') returning id`);
    const ws = await pool.query<{ id: string }>(`insert into workspaces (org_id, name) values ($1, 'CLI ws') returning id`, [org.rows[0]!.id]);
    const workspaceId = ws.rows[0]!.id;

    const missing = await forge('connect', 'hubspot', '--workspace', workspaceId, '--sandbox-url', hubspot.baseUrl);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/credentials\.token/);

    const connected = await forge('connect', 'hubspot', '--workspace', workspaceId, '--name', 'HubSpot CLI', '--secret', `token=${hubspot.token}`, '--sandbox-url', hubspot.baseUrl);
    expect(connected.code, connected.stderr).toBe(0);
    expect(connected.stdout).toMatch(/connection test: ok/);
    expect(connected.stdout + connected.stderr).not.toContain(hubspot.token);
    const connectionId = /connection ([0-9a-f-]{36})/.exec(connected.stdout)![1]!;

    const synced = await forge('sync', connectionId, '--object', 'contacts');
    expect(synced.code, synced.stderr).toBe(0);
    expect(synced.stderr).toMatch(/contacts: 30 records · 30 created/);

    const runs = await forge('runs', '--connection', connectionId, '--json');
    expect(runs.code).toBe(0);
    expect((JSON.parse(runs.stdout) as Array<{ status: string }>)[0]!.status).toBe('succeeded');

    const file = join(dir, 'people.csv');
    writeFileSync(file, 'op,email,firstname\nupsert,cli.new@example.com,New\nupsert,broken-email,Bad\n');
    const dry = await forge('load', connectionId, 'contacts', file, '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(0);
    const plan = JSON.parse(dry.stdout) as { items: Array<{ action: string }> };
    expect(plan.items.map((i) => i.action)).toEqual(['create', 'create']);

    const loaded = await forge('load', connectionId, 'contacts', file, '--rollback-threshold', '1', '--json');
    expect(loaded.code, loaded.stderr).toBe(3); // partly done: one record refused by the vendor
    const report = JSON.parse(loaded.stdout) as { status: string; written: number; failed: number; errors: Array<{ fields: Array<{ field: string }> }> };
    expect(report).toMatchObject({ status: 'partially_failed', written: 1, failed: 1 });
    expect(report.errors[0]!.fields.map((f) => f.field)).toContain('email');
    expect(hubspot.store.contactByEmail('cli.new@example.com')).toBeDefined();

    const loadId = (await pool.query<{ id: string }>(`select id from loads where dry_run = false order by created_at desc limit 1`)).rows[0]!.id;
    const rolled = await forge('rollback', loadId, '--json');
    expect(rolled.code, rolled.stderr).toBe(0);
    expect(JSON.parse(rolled.stdout)).toMatchObject({ status: 'rolled_back', rollback: { trigger: 'on_demand', restored: 1 } });
    expect(hubspot.store.contactByEmail('cli.new@example.com')).toBeUndefined();
  }, 120_000);
});
