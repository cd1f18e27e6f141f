/**
 * Crash test: a load of 300 HubSpot contact upserts (150 updates, 150 creates, 10 a batch) runs in
 * a process of its own and is killed with SIGKILL mid-write, once the journal shows written
 * items and the load still running. `forge rollback <load>` (the real CLI, in its own process)
 * then brings the sandbox back to the snapshot: the created contacts gone, the updated ones as
 * they were, and nothing it cannot account for.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubspotSandbox, type HubspotSandbox } from '../../connectors/hubspot/sandbox/index.js';
import { generateMasterKeyHex } from '../../src/credentials/crypto/index.js';
import type { LoadRecord, LoadReport } from '../../src/load/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import type { TenantFixture } from '../support/tenancy.js';
import { storeSandboxConnection } from './fixtures/sandbox-connection.js';

const UPDATES = 150;
const CREATES = 150;
const BATCH = 10;
/** Each write call takes this long at the vendor: the load lasts long enough to be killed mid-write. */
const WRITE_LATENCY_MS = 150;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('load crash safety', () => {
  let database: TestDatabase;
  let hubspot: HubspotSandbox;
  let tenant: TenantFixture;
  const keyHex = generateMasterKeyHex();
  const dataDir = mkdtempSync(join(tmpdir(), 'forge-load-crash-'));
  beforeAll(async () => {
    database = await createTestDatabase();
    // In the test process, so that it outlives the killed load.
    hubspot = await startHubspotSandbox({ rateLimit: false, seed: { contacts: UPDATES + 20 } });
    tenant = await storeSandboxConnection(database.pool, { connectorId: 'hubspot', authMethod: 'private_app', baseUrl: hubspot.baseUrl, secrets: { token: hubspot.token }, keyHex, dataDir });
  });
  afterAll(async () => {
    await hubspot?.stop();
    await database?.close();
  });

  const contacts = () => new Map(hubspot.store.collections.contacts.list().map((e) => [e.id, { ...e.data.properties }]));
  const journal = async (loadId: string) => {
    const { rows } = await database.pool.query<{ status: string; written: number; updates_written: number; pending: number; writing: number }>(
      `select l.status,
         count(*) filter (where i.write_status = 'written')::int as written,
         count(*) filter (where i.write_status = 'written' and i.action = 'update')::int as updates_written,
         count(*) filter (where i.write_status = 'pending')::int as pending,
         count(*) filter (where i.write_status = 'writing')::int as writing
       from loads l join load_items i on i.load_id = l.id where l.id = $1 group by l.status`, [loadId]);
    return rows[0]!;
  };

  it('rolls a load killed with SIGKILL mid-write back to its snapshot through `forge rollback`', async () => {
    const before = contacts();
    const existing = [...before.values()].slice(0, UPDATES);
    const records: LoadRecord[] = [
      // A property the contacts have (jobtitle) and one they lack (city, not read by default).
      ...existing.map((c, i) => ({ op: 'upsert' as const, fields: { email: c.email, jobtitle: `Crash test ${i}`, city: 'Oslo' } })),
      ...Array.from({ length: CREATES }, (_, i) => ({ op: 'upsert' as const, fields: { email: `crash${i}@load.test`, firstname: `Crash${i}`, city: 'Lima' } })),
    ];
    const file = join(dataDir, 'records.json');
    writeFileSync(file, JSON.stringify(records));
    hubspot.server.faults.clear();
    hubspot.server.faults.add({ kind: 'latency', latencyMs: WRITE_LATENCY_MS, match: (req) => /\/batch\/(create|update)$/.test(req.path) });

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/reliability/fixtures/load-worker.ts', tenant.workspaceId, tenant.connectionId, 'contacts', file, String(BATCH)], {
      env: { ...process.env, DATABASE_URL: database.url, CONNECTOR_ENCRYPTION_KEY: keyHex }, stdio: ['ignore', 'pipe', 'inherit'],
    });
    let exitCode: number | null | undefined;
    const exited = new Promise<void>((r) => child.once('exit', (code) => { exitCode = code; r(); }));
    const loadId = await new Promise<string>((resolve, reject) => {
      let buffer = '';
      child.stdout!.on('data', (d: Buffer) => {
        buffer += d;
        const line = buffer.split('\n').find((l) => l.startsWith('{"loadId"'));
        if (line) resolve((JSON.parse(line) as { loadId: string }).loadId);
      });
      child.once('exit', (code) => reject(new Error(`the load worker exited with ${code} before planning`)));
    });

    // Creations are written first, then updates: kill once both are in the journal as written.
    let state = await journal(loadId);
    while (exitCode === undefined && !(state.status === 'running' && state.updates_written > 0)) {
      await sleep(15);
      state = await journal(loadId);
    }
    // A random point within the next few update batches (some in flight, held by the latency).
    await sleep(Math.random() * 300);
    expect(exitCode, 'the load finished before it could be killed').toBeUndefined();
    child.kill('SIGKILL');
    await exited;
    state = await journal(loadId);
    expect(state.status).toBe('running');
    expect(state.written).toBeGreaterThan(CREATES / 2);
    expect(state.pending + state.writing, 'killed mid-write: something was left to write').toBeGreaterThan(0);
    expect(contacts(), 'the load had changed the vendor').not.toEqual(before);
    hubspot.server.faults.clear();

    const cli = spawn(process.execPath, ['bin/forge.js', 'rollback', loadId, '--json'], {
      env: { ...process.env, DATABASE_URL: database.url, CONNECTOR_ENCRYPTION_KEY: keyHex, FORGE_SANDBOX_EGRESS: '1', FORGE_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    cli.stdout!.on('data', (d: Buffer) => { stdout += d; });
    cli.stderr!.on('data', (d: Buffer) => { stderr += d; });
    const code = await new Promise<number | null>((r) => cli.once('exit', (c) => r(c)));
    expect(code, `forge rollback exited ${code}: ${stderr}${stdout}`).toBe(0);
    // The report is the pretty-printed JSON object; log lines (one JSON object each) may precede it.
    const start = stdout.split('\n').findIndex((line) => line === '{');
    expect(start, `no JSON report in: ${stdout}`).toBeGreaterThanOrEqual(0);
    const report = JSON.parse(stdout.split('\n').slice(start).join('\n')) as LoadReport;
    expect(report.status).toBe('rolled_back');
    expect(report.rollback).toMatchObject({ trigger: 'crash', recreated: 0, unrecoverable: 0, failed: 0, items: [] });
    expect(report.rollback!.restored).toBeGreaterThanOrEqual(state.written);

    // The vendor equals the snapshot: the created contacts gone, the updated ones restored.
    expect(contacts()).toEqual(before);
    const { rows } = await database.pool.query<{ write_status: string; rollback_status: string; n: number }>(
      `select write_status, rollback_status, count(*)::int as n from load_items where load_id = $1 group by 1, 2 order by 1, 2`, [loadId]);
    for (const row of rows) {
      if (row.write_status === 'written' || row.write_status === 'writing') expect(['restored', 'not_needed']).toContain(row.rollback_status);
      else expect(row.rollback_status).toBe('none');
    }
    const load = await database.pool.query<{ status: string }>('select status from loads where id = $1', [loadId]);
    expect(load.rows[0]!.status).toBe('rolled_back');
  }, 90_000);
});
