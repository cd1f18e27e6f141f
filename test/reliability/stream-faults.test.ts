/**
 * Fault test: the Stripe sandbox answers 20% of requests with 429, 503 or a connection reset,
 * and every record still arrives; a 401 in the middle of a run is sent exactly once, fails the
 * run as permanent and flags the connection for re-authorisation.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeSandbox, type StripeSandbox } from '../../connectors/stripe/sandbox/index.js';
import { errorAnswer } from '../../connectors/stripe/sandbox/error-answers.js';
import { ConnectionService } from '../../src/connections/index.js';
import { isConnectorError, silentLogger } from '../../src/core/index.js';
import { openKeySource } from '../../src/credentials/master-key-source.js';
import { CredentialStore } from '../../src/credentials/store.js';
import { createCatalogue } from '../../src/runtime/runtime.js';
import { runSync } from '../../src/stream/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { storeStripeConnection } from './fixtures/stripe-fixture.js';

const CUSTOMERS = 1500;

describe('stream under vendor faults', () => {
  let database: TestDatabase;
  let sandbox: StripeSandbox;
  const dataDir = mkdtempSync(join(tmpdir(), 'forge-faults-'));
  beforeAll(async () => {
    database = await createTestDatabase();
    sandbox = await startStripeSandbox({ rateLimit: false });
    sandbox.seed('customers', CUSTOMERS);
  });
  afterAll(async () => { await sandbox.stop(); await database.close(); });

  async function connectionService(keyHex: string) {
    const credentials = new CredentialStore(database.pool, openKeySource({ envKey: keyHex, dataDir, mayGenerate: false }));
    return new ConnectionService({ pool: database.pool, registry: createCatalogue(), credentials, logger: silentLogger, allowSandbox: true });
  }

  it('brings every record home through 20% of 429s, 503s and resets', async () => {
    const stored = await storeStripeConnection(database.pool, sandbox, dataDir);
    sandbox.server.faults.clear();
    sandbox.server.clearLog();
    sandbox.server.faults.add({ kind: 'status', status: 429, probability: 0.07, retryAfterSeconds: 0, body: errorAnswer(429, sandbox.apiKey).body });
    sandbox.server.faults.add({ kind: 'status', status: 503, probability: 0.07, body: errorAnswer(503, sandbox.apiKey).body });
    sandbox.server.faults.add({ kind: 'reset', probability: 0.07 });
    const result = await runSync(database.pool, await connectionService(stored.keyHex), { streamId: stored.streamId });
    sandbox.server.faults.clear();
    const faults = sandbox.server.requestLog.filter((r) => r.fault).length;
    expect(faults / sandbox.server.requestLog.length).toBeGreaterThan(0.1);
    expect(result.stats.created).toBe(CUSTOMERS);
    const count = await database.pool.query('select count(distinct external_id) as n from canonical_persons where connection_id = $1', [stored.connectionId]);
    expect(Number(count.rows[0].n)).toBe(CUSTOMERS);
  });

  it('sends a 401 mid-run exactly once, fails the run as permanent and flags the connection', async () => {
    const stored = await storeStripeConnection(database.pool, sandbox, dataDir);
    sandbox.server.faults.clear();
    sandbox.server.clearLog();
    let requests = 0;
    sandbox.server.faults.add({ kind: 'status', status: 401, times: 1, match: () => ++requests === 6, body: errorAnswer(401, sandbox.apiKey).body });
    const error = await runSync(database.pool, await connectionService(stored.keyHex), { streamId: stored.streamId }).catch((e: unknown) => e);
    sandbox.server.faults.clear();
    expect(isConnectorError(error) && error.kind).toBe('permanent');
    expect(sandbox.server.requestLog.filter((r) => r.status === 401)).toHaveLength(1);
    expect(sandbox.server.requestLog.length).toBe(6);
    const connection = await database.pool.query('select status from connections where id = $1', [stored.connectionId]);
    expect(connection.rows[0].status).toBe('needs_reauth');
    const run = await database.pool.query('select status, error from sync_runs where stream_id = $1', [stored.streamId]);
    expect(run.rows[0]).toMatchObject({ status: 'failed', error: { kind: 'permanent', status: 401 } });
    expect(JSON.stringify(run.rows[0].error)).not.toContain(sandbox.apiKey);
  });
});
