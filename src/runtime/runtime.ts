/**
 * The composition root: opens the database, loads the catalogue, and hands each part what it
 * needs. `forge serve`, `forge worker` and the tests all start the platform through here.
 */
import { builtInConnectors } from '../../connectors/index.js';
import { createLogger, type Logger } from '../core/index.js';
import { openDatabase, type OpenedDatabase } from '../db/index.js';
import { ConnectorRegistry } from '../registry/index.js';
import type { PlatformConfig } from './config.js';

export interface Runtime {
  config: PlatformConfig;
  logger: Logger;
  database: OpenedDatabase;
  registry: ConnectorRegistry;
  close(): Promise<void>;
}

export function createCatalogue(): ConnectorRegistry {
  const registry = new ConnectorRegistry();
  for (const definition of builtInConnectors) registry.register(definition);
  return registry;
}

export async function startRuntime(config: PlatformConfig, logger: Logger = createLogger({ level: config.logLevel })): Promise<Runtime> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (database.embedded) logger.info({ dataDir: database.dataDir }, 'embedded PostgreSQL started');
  if (config.sandboxEgress) logger.warn('sandbox egress policy is ON: connections flagged as sandboxes may reach loopback over plain HTTP');
  const registry = createCatalogue();
  return { config, logger, database, registry, close: () => database.close() };
}
