import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { json, startScriptedServer, type ScriptedServer } from '../../../test/support/http-server.js';
import { createTenant } from '../../../test/support/tenancy.js';
import { envKeys, seedTokenSet } from '../fixtures/stores.js';
import { CredentialStore } from '../store.js';

const WORKER = fileURLToPath(new URL('./fixtures/refresh-worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Resolves with the worker's next stdout line. */
function nextLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    lines.once('line', (line) => { lines.close(); resolve(line); });
    child.once('exit', (code) => reject(new Error(`worker exited (${code})`)));
  });
}

describe('OAuth refresh across two worker processes', () => {
  let database: TestDatabase;
  let endpoint: ScriptedServer;
  let validRefreshToken = 'rt-1';

  beforeAll(async () => {
    database = await createTestDatabase();
    // A strict rotating vendor: each refresh token works once, and answering takes a while.
    endpoint = await startScriptedServer((req, res) => {
      const form = new URLSearchParams(req.body);
      setTimeout(() => {
        if (form.get('refresh_token') !== validRefreshToken) return json(res, 400, { error: 'invalid_grant' });
        validRefreshToken = 'rt-2';
        json(res, 200, { access_token: 'at-2', refresh_token: 'rt-2', expires_in: 3600, token_type: 'Bearer' });
      }, 300);
    });
  });
  afterAll(async () => {
    await endpoint.close();
    await database.close();
  });

  it('50 concurrent calls over two processes on an expired token make exactly one token request', async () => {
    const { keys, hex } = envKeys();
    const store = new CredentialStore(database.pool, keys);
    const ref = await createTenant(database.pool);
    await seedTokenSet(store, ref, { accessToken: 'at-1', refreshToken: 'rt-1', expiresInSeconds: -60 });

    const workers = ['worker-a', 'worker-b'].map((name) => spawn(process.execPath, ['--import', 'tsx', WORKER], {
      cwd: ROOT,
      env: {
        ...process.env, WORKER_DATABASE_URL: database.url, WORKER_KEY: hex, WORKER_WORKSPACE: ref.workspaceId, WORKER_CONNECTION: ref.connectionId,
        WORKER_TOKEN_URL: `${endpoint.url}/oauth/token`, WORKER_NAME: name, WORKER_CALLS: '25',
      },
    }));
    const stderr = workers.map((w) => { let text = ''; w.stderr.on('data', (c: Buffer) => (text += c.toString())); return () => text; });
    try {
      expect(await Promise.all(workers.map(nextLine))).toEqual(['ready', 'ready']);
      const results = workers.map(nextLine);
      for (const worker of workers) worker.stdin.write('go\n');
      const headers = (await Promise.all(results)).flatMap((line) => JSON.parse(line) as string[]);

      expect(headers).toHaveLength(50);
      expect(new Set(headers)).toEqual(new Set(['Bearer at-2']));
      expect(endpoint.seen.filter((r) => r.url === '/oauth/token')).toHaveLength(1);
      expect((await store.read(ref))?.secrets).toMatchObject({ accessToken: 'at-2', refreshToken: 'rt-2' });
      const leases = await database.pool.query('select 1 from credential_leases where connection_id = $1', [ref.connectionId]);
      expect(leases.rowCount).toBe(0);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nworker stderr:\n${stderr.map((s) => s()).join('\n')}`);
    } finally {
      for (const worker of workers) worker.kill();
    }
  });
});
