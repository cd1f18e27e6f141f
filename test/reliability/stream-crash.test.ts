/**
 * Crash test: a worker process killed with SIGKILL at 10 random points during a 100,000-record
 * sync; after resumption the canonical table equals the sandbox's data exactly and no change
 * event is doubled.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedCustomer, generatedId } from '../../connectors/stripe/sandbox/generated.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startStripeProcess, storeStripeConnection, type SandboxProcess, type StoredStripeConnection } from './fixtures/stripe-fixture.js';

const RECORDS = 100_000;
const KILLS = 10;

describe('stream crash safety', () => {
  let database: TestDatabase;
  let sandbox: SandboxProcess;
  let connection: StoredStripeConnection;
  beforeAll(async () => {
    database = await createTestDatabase();
    sandbox = await startStripeProcess(['--generated-customers', String(RECORDS), '--rate-limit', '0']);
    connection = await storeStripeConnection(database.pool, sandbox, mkdtempSync(join(tmpdir(), 'forge-crash-')));
  });
  afterAll(async () => { await sandbox.stop(); await database.close(); });

  function worker() {
    return spawn(process.execPath, ['--import', 'tsx', 'test/reliability/fixtures/sync-worker.ts', database.url, connection.streamId], {
      env: { ...process.env, CONNECTOR_ENCRYPTION_KEY: connection.keyHex, LEASE_SECONDS: '2' }, stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const persisted = async () => Number((await database.pool.query('select count(*) from canonical_persons where connection_id = $1', [connection.connectionId])).rows[0].count);

  it(`survives ${KILLS} SIGKILLs during a ${RECORDS.toLocaleString('en-US')}-record sync with nothing lost or doubled`, async () => {
    let kills = 0;
    const progress: number[] = [];
    let last = 0;
    while (kills < KILLS) {
      const child = worker();
      let exitCode: number | null | undefined;
      const exited = new Promise<void>((r) => child.once('exit', (code) => { exitCode = code; r(); }));
      // A random point in the sync: once this worker has committed a page, within the next 0 to 1.2 s.
      while (exitCode === undefined && (await persisted()) <= last) await new Promise((r) => setTimeout(r, 50));
      if (exitCode === undefined) await new Promise((r) => setTimeout(r, Math.random() * 1200));
      if (exitCode === undefined) {
        child.kill('SIGKILL');
        await exited;
        kills++;
        last = await persisted();
        progress.push(last);
        await new Promise((r) => setTimeout(r, 2200)); // the killed run's lease expires
      } else if (exitCode === 3) {
        await new Promise((r) => setTimeout(r, 500));
      } else if (exitCode === 0) {
        break; // finished before the next kill: fewer kills than planned, which the test refuses
      } else {
        throw new Error(`worker failed with exit code ${exitCode}`);
      }
    }
    expect(kills).toBe(KILLS);
    // Progress was made between kills: resumption continues, it does not start over.
    expect(progress.at(-1)!).toBeGreaterThan(progress[0]!);
    for (;;) {
      const child = worker();
      const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
      if (code === 0) break;
      if (code !== 3) throw new Error(`the resuming worker failed with ${code}`);
      await new Promise((r) => setTimeout(r, 500));
    }

    const rows = await database.pool.query<{ external_id: string; raw: Record<string, unknown>; deleted_at: Date | null }>(
      'select external_id, raw, deleted_at from canonical_persons where connection_id = $1 order by external_id', [connection.connectionId]);
    expect(rows.rowCount).toBe(RECORDS);
    const expected = Array.from({ length: RECORDS }, (_, i) => generatedId(i)).sort();
    expect(rows.rows.map((r) => r.external_id)).toEqual(expected);
    // Exactly the sandbox's data: every stored payload equals the customer the sandbox serves.
    const byId = new Map(rows.rows.map((r) => [r.external_id, r.raw]));
    for (let i = 0; i < RECORDS; i += 997) expect(byId.get(generatedId(i))).toMatchObject(JSON.parse(JSON.stringify(generatedCustomer(i))));
    expect(rows.rows.every((r) => r.deleted_at === null)).toBe(true);

    const events = await database.pool.query<{ op: string; n: string; ids: string }>(
      'select op, count(*) as n, count(distinct external_id) as ids from change_log where connection_id = $1 group by op', [connection.connectionId]);
    expect(events.rows).toEqual([{ op: 'insert', n: String(RECORDS), ids: String(RECORDS) }]);
  }, 300_000);
});
