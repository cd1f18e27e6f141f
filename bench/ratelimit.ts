/**
 * HubSpot's documented limit (100 requests per 10 s), enforced by the sandbox, shared by four
 * workers (each with its own database pool, as separate processes would be) through the
 * PostgreSQL rate limiter: the request rate reached as a fraction of that ceiling, and the 429s.
 * Goals: at least 0.95 of the ceiling, zero 429s.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHubspotSandbox } from '../connectors/hubspot/sandbox/index.js';
import { ConnectionService } from '../src/connections/index.js';
import { PostgresRateLimiter, silentLogger } from '../src/core/index.js';
import { generateMasterKeyHex } from '../src/credentials/crypto/index.js';
import { openKeySource } from '../src/credentials/master-key-source.js';
import { CredentialStore } from '../src/credentials/store.js';
import { connectDatabase } from '../src/db/connect.js';
import { createCatalogue } from '../src/runtime/runtime.js';
import { runSync, StreamBusyError } from '../src/stream/index.js';
import { createStream, createTenant } from '../test/support/tenancy.js';
import { benchDatabase } from './support.js';

export async function benchRateLimit(seconds = Number(process.env.BENCH_SECONDS ?? 41)): Promise<{ fraction: number; limited: number }> {
  const database = await benchDatabase();
  const sandbox = await startHubspotSandbox({ seed: { contacts: 6000, companies: 6000, notes: 6000 } });
  try {
    const keyHex = generateMasterKeyHex();
    const keys = openKeySource({ envKey: keyHex, dataDir: mkdtempSync(join(tmpdir(), 'forge-rl-')), mayGenerate: false });
    const tenant = await createTenant(database.pool, 'hubspot');
    await database.pool.query(`update connections set auth_method = 'private_app', config = $2 where id = $1`, [tenant.connectionId, JSON.stringify({ sandboxBaseUrl: sandbox.baseUrl })]);
    await new CredentialStore(database.pool, keys).write({ workspaceId: tenant.workspaceId, connectionId: tenant.connectionId }, { token: sandbox.token });
    const streams = [await createStream(database.pool, tenant, 'contacts'), await createStream(database.pool, tenant, 'companies'), await createStream(database.pool, tenant, 'notes')];

    const deadline = Date.now() + seconds * 1000;
    sandbox.server.clearLog();
    const started = Date.now();
    const workers = Array.from({ length: 4 }, async (_, w) => {
      const pool = connectDatabase(database.url, { max: 3 }).pool;
      const connections = new ConnectionService({
        pool, registry: createCatalogue(), credentials: new CredentialStore(pool, keys), logger: silentLogger, allowSandbox: true, rateLimiter: new PostgresRateLimiter(pool),
      });
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error('time is up')), deadline - Date.now()).unref();
      for (let i = w; Date.now() < deadline; i++) {
        try {
          await runSync(pool, connections, { streamId: streams[i % streams.length]!, mode: 'full', signal: controller.signal });
        } catch (error) {
          if (error instanceof StreamBusyError) await new Promise((r) => setTimeout(r, 100));
          else if (Date.now() < deadline) throw error;
        }
      }
      await pool.end();
    });
    await Promise.all(workers);
    const elapsed = (Date.now() - started) / 1000;
    // Whole 10-second windows from the first request: a partial window would flatter or slight the rate.
    const first = sandbox.server.requestLog[0]?.time ?? started;
    const windows = Math.max(1, Math.floor(Math.min(elapsed, seconds) / 10));
    const log = sandbox.server.requestLog.filter((r) => r.time - first < windows * 10_000);
    const limited = sandbox.server.requestLog.filter((r) => r.status === 429).length;
    const ceiling = 100 / 10;
    const rate = log.length / (windows * 10);
    console.log(`ratelimit: HubSpot sandbox enforcing 100 requests / 10 s, 4 workers sharing the PostgreSQL limiter for ${seconds} s`);
    console.log(`  requests: ${log.length} (${rate.toFixed(2)}/s against a ceiling of ${ceiling}/s), 429s: ${limited}`);
    console.log(`  fraction of the ceiling: ${(rate / ceiling).toFixed(3)} (goal ≥ 0.95, zero 429s)`);
    return { fraction: rate / ceiling, limited };
  } finally {
    await sandbox.stop();
    await database.stop();
  }
}
