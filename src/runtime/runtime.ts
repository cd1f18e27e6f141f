/**
 * The composition root: opens the database, loads the catalogue and the master key, and hands
 * each part what it needs. `forge serve`, `forge worker` and the tests start the platform here.
 */
import type PgBoss from 'pg-boss';
import { builtInConnectors } from '../../connectors/index.js';
import { ConnectionService } from '../connections/index.js';
import { createLogger, PostgresRateLimiter, type Logger } from '../core/index.js';
import { openKeySource, type KeySource } from '../credentials/master-key-source.js';
import type { CredentialBackend } from '../credentials/backend.js';
import { openCredentialStore } from '../credentials/open-store.js';
import { VaultCredentialStore } from '../credentials/vault/vault-store.js';
import { openDatabase, type OpenedDatabase } from '../db/index.js';
import { dispatchAutomationEvents, enqueueDueStreams, enqueueLoad, QUEUES, startAutomationWorkers, startBoss, startSyncWorkers, type LoadJobData } from '../orchestration/index.js';
import { LoadService } from '../load/index.js';
import { HttpConnectorStore, WorkspaceSettings } from '../http-connectors/index.js';
import { Hub } from '../hub/index.js';
import { ConnectorRegistry } from '../registry/index.js';
import type { PlatformConfig } from './config.js';

export interface Runtime {
  config: PlatformConfig;
  logger: Logger;
  database: OpenedDatabase;
  registry: ConnectorRegistry;
  keys: KeySource;
  credentials: CredentialBackend;
  connections: ConnectionService;
  loads: LoadService;
  httpConnectors: HttpConnectorStore;
  settings: WorkspaceSettings;
  hub: Hub;
  boss?: PgBoss;
  close(): Promise<void>;
}

export function createCatalogue(): ConnectorRegistry {
  const registry = new ConnectorRegistry();
  for (const definition of builtInConnectors) registry.register(definition);
  return registry;
}

export interface RuntimeOptions {
  /** Start pg-boss and run sync and load workers in this process. @default false */
  worker?: boolean;
  logger?: Logger;
}

export async function startRuntime(config: PlatformConfig, options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (database.embedded) logger.info({ dataDir: database.dataDir }, 'embedded PostgreSQL started');
    if (config.sandboxEgress) logger.warn('sandbox egress policy is ON: connections flagged as sandboxes may reach loopback over plain HTTP');
    const keys = openKeySource({ envKey: config.encryptionKey, envPreviousKeys: process.env.CONNECTOR_ENCRYPTION_KEYS_PREVIOUS, dataDir: database.dataDir, mayGenerate: !config.databaseUrl });
    const credentials = openCredentialStore({ pool: database.pool, keys, vault: config.vault, logger });
    await credentials.verifyKey();
    if (credentials instanceof VaultCredentialStore) credentials.start();
    const registry = createCatalogue();
    const connections = new ConnectionService({
      pool: database.pool, registry, credentials, rateLimiter: new PostgresRateLimiter(database.pool), logger, allowSandbox: config.sandboxEgress,
    });
    let boss: PgBoss | undefined;
    if (options.worker) boss = await startBoss(database.url, logger);
    const loads = new LoadService({
      pool: database.pool, contexts: connections, logger,
      enqueue: boss ? (loadId, key) => enqueueLoad(boss!, { loadId }, key) : undefined,
    });
    const httpConnectors = new HttpConnectorStore(database.pool);
    const settings = new WorkspaceSettings(database.pool, keys);
    const hub = new Hub({ pool: database.pool, registry, connections, credentials, logger });
    hub.publicUrl = config.publicUrl;
    if (boss) {
      const automationDeps = { pool: database.pool, connectors: httpConnectors, settings, logger, allowSandbox: config.sandboxEgress };
      await startSyncWorkers(boss, database.pool, connections, logger);
      await startAutomationWorkers(boss, automationDeps);
      await hub.startWorker(boss);
      await boss.work(QUEUES.tick, async () => {
        await enqueueDueStreams(database.pool, boss!);
        await dispatchAutomationEvents(boss!, automationDeps);
        await hub.renewDue();
      });
      await boss.work<LoadJobData>(QUEUES.load, { pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) await loads.run(job.data.loadId);
      });
    }
    return {
      config, logger, database, registry, keys, credentials, connections, loads, httpConnectors, settings, hub, boss,
      close: async () => {
        if (credentials instanceof VaultCredentialStore) await credentials.stop();
        if (boss) {
          // stop() resolves before pg-boss has closed its pool; wait for 'stopped' so the database
          // is not shut down under it.
          const stopped = new Promise<void>((resolve) => { boss!.once('stopped', () => resolve()); setTimeout(resolve, 8000).unref(); });
          await boss.stop({ graceful: true, timeout: 5000 }).catch(() => {});
          await stopped;
        }
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}
