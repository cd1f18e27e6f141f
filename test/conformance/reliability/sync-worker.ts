/**
 * A sync worker in a process of its own, for the stream crash test, whatever the connector:
 * `node --import tsx sync-worker.ts <streamId>` with DATABASE_URL and CONNECTOR_ENCRYPTION_KEY
 * set (LEASE_SECONDS: the stream lease, default 1). The stream's connection names the connector
 * and carries the sandbox URL. Loads the platform, prints `ready`, waits for a `go` line, then
 * runs the sync, waiting while a killed run's lease has not expired yet. Exits 0 when the run
 * finished, 1 when it failed.
 */
import { createInterface } from 'node:readline';
import { ConnectionService } from '../../../src/connections/index.js';
import { silentLogger } from '../../../src/core/index.js';
import { openKeySource } from '../../../src/credentials/master-key-source.js';
import { CredentialStore } from '../../../src/credentials/store.js';
import { connectDatabase } from '../../../src/db/connect.js';
import { builtInConnectors } from '../../../connectors/index.js';
import { ConnectorRegistry } from '../../../src/registry/index.js';
import { runSync, StreamBusyError } from '../../../src/stream/index.js';

/** How long a worker waits for a killed run's lease before it gives up. */
const LEASE_WAIT_MS = 60_000;

/** The built-in catalogue, without the runtime's queues, hub and server (seconds less to load). */
function catalogue(): ConnectorRegistry {
  const registry = new ConnectorRegistry();
  for (const definition of builtInConnectors) registry.register(definition);
  return registry;
}

const [streamId] = process.argv.slice(2);
const leaseSeconds = Number(process.env.LEASE_SECONDS ?? 1);
const database = connectDatabase(process.env.DATABASE_URL!, { max: 4, applicationName: 'reliability-sync-worker' });
const credentials = new CredentialStore(database.pool, openKeySource({ envKey: process.env.CONNECTOR_ENCRYPTION_KEY, dataDir: '/tmp', mayGenerate: false }));
const connections = new ConnectionService({ pool: database.pool, registry: catalogue(), credentials, logger: silentLogger, allowSandbox: true });

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
const go = await new Promise<boolean>((resolve) => {
  lines.once('line', () => resolve(true));
  lines.once('close', () => resolve(false));
});
lines.close();
try {
  if (!go) throw new Error('stdin closed before go');
  const deadline = Date.now() + LEASE_WAIT_MS;
  for (;;) {
    try {
      await runSync(database.pool, connections, { streamId: streamId!, leaseSeconds });
      break;
    } catch (error) {
      if (!(error instanceof StreamBusyError) || Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  process.stdout.write('done\n');
  process.exitCode = 0;
} catch (error) {
  process.stderr.write(`sync worker: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
