import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { servePlatform, type RunningPlatform } from '../../src/cli/serve.js';

describe('the demo workspace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forge-demo-'));
  chmodSync(dir, 0o755);
  let platform: RunningPlatform | undefined;
  afterAll(async () => { await platform?.stop(); rmSync(dir, { recursive: true, force: true }); });

  it('wires HubSpot and Stripe sandboxes, syncs them and loads Stripe customers into HubSpot', async () => {
    platform = await servePlatform({ port: 0, demo: true, sandboxEgress: true, logLevel: 'warn' }, { FORGE_DATA_DIR: join(dir, 'forge'), FORGE_ADMIN_KEY: 'fw_demo_test_key_0123456789abcdef' });
    await platform.demo!.ready;
    const { pool } = platform.runtime.database;
    const runs = await pool.query<{ object: string; status: string; created: string }>(
      `select object, status, result->'stats'->>'created' as created from sync_runs where status = 'succeeded' order by object`);
    expect(runs.rows.map((r) => r.object)).toEqual(expect.arrayContaining(['charges', 'companies', 'contacts', 'customers', 'invoices', 'notes']));
    const load = await pool.query<{ status: string; written: string; verified: string }>(`select status, report->>'written' as written, report->>'verified' as verified from loads`);
    expect(load.rows[0]).toMatchObject({ status: 'succeeded', written: '10', verified: '10' });
    // The sandbox really holds what the load wrote: read back through HubSpot's own API shape.
    const emails = (await pool.query<{ email: string }>(`select data->>'email' as email from canonical_persons c join connections k on k.id = c.connection_id where k.connector_id = 'stripe' and c.object = 'customers' order by external_id limit 10`)).rows.map((r) => r.email);
    expect(emails.length).toBe(10);
    const { hubspot } = platform.demo!;
    const res = await fetch(`${hubspot.baseUrl}/crm/v3/objects/contacts/batch/read`, {
      method: 'POST', headers: { authorization: `Bearer ${hubspot.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ idProperty: 'email', properties: ['email'], propertiesWithHistory: [], inputs: emails.map((id) => ({ id })) }),
    });
    const found = (await res.json()) as { results: Array<{ properties: { email: string } }> };
    expect(found.results.map((r) => r.properties.email.toLowerCase()).sort()).toEqual(emails.map((e) => e.toLowerCase()).sort());
  }, 90_000);
});
