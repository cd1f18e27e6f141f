/**
 * Hub jobs: one captured event for one bridge side. A reply whose thread root has not crossed yet
 * is retried later (pg-boss backoff); on the last attempt it is posted as a top-level message
 * rather than lost. A vendor failure throws, so the job is retried; the ledger stored nothing.
 */
import type pg from 'pg';
import type { ConnectionService } from '../connections/index.js';
import type { Logger } from '../core/index.js';
import { handleBridgeEvent } from './engine.js';
import type { HubEventJob } from './inbound.js';
import { PostgresLedger } from './pg-ledger.js';
import { chatPortFor } from './ports.js';
import type { BridgeStore } from './store.js';
import type { HandleResult } from './types.js';

export interface HubWorkerDeps {
  pool: pg.Pool;
  connections: ConnectionService;
  bridges: BridgeStore;
  logger: Logger;
}

/** Handles one job; 'deferred' means "try again later". */
export async function runHubJob(deps: HubWorkerDeps, job: HubEventJob, options: { lastAttempt?: boolean } = {}): Promise<HandleResult | 'skipped'> {
  const bridge = await deps.bridges.byId(job.bridgeId);
  if (!bridge || !bridge.enabled) return 'skipped';
  const ports = { a: await chatPortFor(deps.connections, bridge.a.connectionId), b: await chatPortFor(deps.connections, bridge.b.connectionId) };
  const result = await handleBridgeEvent(bridge, job.side, job.event, { ledger: new PostgresLedger(deps.pool), ports }, { threadFallback: options.lastAttempt });
  deps.logger.debug({ bridge: bridge.id, side: job.side, event: job.event.eventId, type: job.event.type, result }, 'hub event handled');
  return result;
}
