/**
 * A 1,000,000-record sync from the Stripe sandbox (its own process, records generated on the fly)
 * over loopback: records/s and this process's peak RSS for Forgeworks' runner, next to a
 * hand-written baseline in the same run (undici, JSON.parse, one multi-row unnest upsert per page
 * keeping the raw payload, plus the change-log insert, page after page).
 * Goals: at least 1.5× the baseline; peak RSS at most 256 MB and flat from 100k to 1M records.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { ConnectionService } from '../src/connections/index.js';
import { silentLogger } from '../src/core/index.js';
import { openKeySource } from '../src/credentials/master-key-source.js';
import { CredentialStore } from '../src/credentials/store.js';
import { createCatalogue } from '../src/runtime/runtime.js';
import { runSync } from '../src/stream/index.js';
import { startStripeProcess, storeStripeConnection } from '../test/reliability/fixtures/stripe-fixture.js';
import { benchDatabase, mb, rssSampler } from './support.js';

async function baseline(url: string, apiKey: string, pool: import('pg').Pool, workspaceId: string, connectionId: string, total: number): Promise<number> {
  const agent = new Agent();
  const started = performance.now();
  let after: string | undefined;
  let count = 0;
  for (;;) {
    const res = await request(`${url}/v1/customers?limit=100${after ? `&starting_after=${after}` : ''}`, { dispatcher: agent, headers: { authorization: `Bearer ${apiKey}` } });
    const body = JSON.parse(await res.body.text()) as { data: Array<{ id: string }>; has_more: boolean };
    const ids = body.data.map((c) => c.id);
    const raws = body.data.map((c) => JSON.stringify(c));
    await pool.query(
      `insert into canonical_persons (workspace_id, connection_id, object, external_id, data, raw, hash)
       select $1, $2, 'baseline', t.id, t.raw, t.raw, '' from unnest($3::text[], $4::jsonb[]) as t(id, raw)
       on conflict (workspace_id, connection_id, object, external_id) do update set data = excluded.data, raw = excluded.raw`,
      [workspaceId, connectionId, ids, raws]);
    await pool.query(
      `insert into change_log (workspace_id, connection_id, object, external_id, op, canonical_type, data)
       select $1, $2, 'baseline', t.id, 'insert', 'person', t.raw from unnest($3::text[], $4::jsonb[]) as t(id, raw)`,
      [workspaceId, connectionId, ids, raws]);
    count += ids.length;
    if (!body.has_more || ids.length === 0) break;
    after = ids.at(-1);
  }
  await agent.close();
  if (count !== total) throw new Error(`baseline read ${count} of ${total}`);
  return count / ((performance.now() - started) / 1000);
}

export async function benchStream(total = Number(process.env.BENCH_RECORDS ?? 1_000_000)): Promise<{ ratio: number; peakRss: number }> {
  const database = await benchDatabase();
  const sandbox = await startStripeProcess(['--generated-customers', String(total), '--rate-limit', '0']);
  try {
    const dataDir = mkdtempSync(join(tmpdir(), 'forge-bench-keys-'));
    const stored = await storeStripeConnection(database.pool, sandbox, dataDir);
    console.log(`stream: ${total.toLocaleString('en-US')} Stripe customers over loopback (sandbox in its own process)`);
    const base = await baseline(sandbox.baseUrl, sandbox.apiKey, database.pool, stored.workspaceId, stored.connectionId, total);
    console.log(`  baseline (undici + JSON.parse + unnest upsert + change log) ${Math.round(base).toLocaleString('en-US').padStart(8)} records/s`);

    const credentials = new CredentialStore(database.pool, openKeySource({ envKey: stored.keyHex, dataDir, mayGenerate: false }));
    // No client-side rate limiter: the sandbox's generated mode enforces none, so this measures the machinery.
    const connections = new ConnectionService({ pool: database.pool, registry: createCatalogue(), credentials, logger: silentLogger, allowSandbox: true });
    const rss = rssSampler();
    let marked = false;
    const watcher = setInterval(async () => {
      const r = await database.pool.query<{ n: string }>("select (result->>'records') as n from sync_runs where stream_id = $1", [stored.streamId]).catch(() => null);
      if (!marked && Number(r?.rows[0]?.n ?? 0) >= total / 10) { rss.mark('at10pct'); marked = true; }
    }, 200);
    const started = performance.now();
    const result = await runSync(database.pool, connections, { streamId: stored.streamId, mode: 'full' });
    const ours = result.records / ((performance.now() - started) / 1000);
    clearInterval(watcher);
    rss.mark('end');
    const { peak, marks } = rss.stop();
    if (result.stats.created !== total) throw new Error(`the sync created ${result.stats.created} of ${total}`);
    console.log(`  Forgeworks runSync (map, validate, hash, one statement per page) ${Math.round(ours).toLocaleString('en-US').padStart(8)} records/s`);
    console.log(`  ratio runner / baseline: ${(ours / base).toFixed(2)} (goal ≥ 1.5)`);
    console.log(`  RSS at ${(total / 10).toLocaleString('en-US')} records: ${mb(marks.at10pct ?? 0)}, at the end: ${mb(marks.end ?? 0)}, peak: ${mb(peak)} (goal ≤ 256 MB, flat)`);
    return { ratio: ours / base, peakRss: peak };
  } finally {
    await sandbox.stop();
    await database.stop();
  }
}
