/**
 * The hub as the runtime holds it: the bridge store, the inbound entry point, the pg-boss queue
 * and worker for hub events, and subscription renewal on the scheduler tick.
 */
import type PgBoss from 'pg-boss';
import type pg from 'pg';
import type { ConnectionService } from '../connections/index.js';
import type { Logger } from '../core/index.js';
import type { CredentialBackend } from '../credentials/backend.js';
import type { ConnectorRegistry, InboundRequest } from '../registry/index.js';
import { handleInbound, type HubEventJob, type InboundAnswer } from './inbound.js';
import { BridgeStore, type StoredBridge } from './store.js';
import { ensureSubscriptions } from './subscriptions.js';
import { runHubJob } from './worker.js';

export const HUB_QUEUE = 'forge-hub';
export const HUB_RETRY_LIMIT = 5;

export interface HubDeps {
  pool: pg.Pool;
  registry: ConnectorRegistry;
  connections: ConnectionService;
  credentials: CredentialBackend;
  logger: Logger;
}

export class Hub {
  readonly bridges: BridgeStore;
  private boss?: PgBoss;
  /** Where vendors reach this platform (`FORGE_PUBLIC_URL`, else the address the server listens on). */
  publicUrl?: string;

  constructor(private readonly deps: HubDeps) {
    this.bridges = new BridgeStore(deps.pool, deps.registry);
  }

  /** Creates the queue and works it in this process. */
  async startWorker(boss: PgBoss): Promise<void> {
    this.boss = boss;
    await boss.createQueue(HUB_QUEUE, { name: HUB_QUEUE, retryLimit: HUB_RETRY_LIMIT, retryDelay: 1, retryBackoff: true });
    await boss.work<HubEventJob>(HUB_QUEUE, { pollingIntervalSeconds: 0.5, includeMetadata: true }, async (jobs) => {
      for (const job of jobs) {
        const lastAttempt = job.retryCount >= HUB_RETRY_LIMIT;
        const result = await runHubJob(this.workerDeps(), job.data, { lastAttempt });
        if (result === 'deferred') throw new Error('the thread root has not crossed yet: retrying later');
      }
    });
  }

  private workerDeps() {
    return { pool: this.deps.pool, connections: this.deps.connections, bridges: this.bridges, logger: this.deps.logger };
  }

  async inbound(connectionId: string, request: InboundRequest): Promise<InboundAnswer> {
    return handleInbound({
      pool: this.deps.pool, registry: this.deps.registry, credentials: this.deps.credentials, bridges: this.bridges, logger: this.deps.logger,
      dispatch: async (job) => {
        if (this.boss) await this.boss.send(HUB_QUEUE, job, { retryLimit: HUB_RETRY_LIMIT, retryDelay: 1, retryBackoff: true });
        else await runHubJob(this.workerDeps(), job, { lastAttempt: true }); // no queue: handle now, no retries
      },
    }, connectionId, request);
  }

  /** Subscribes a new bridge's ends where the vendor needs it. */
  async subscribe(bridge: StoredBridge): Promise<void> {
    await ensureSubscriptions(this.subscriptionDeps(), bridge, this.publicUrl);
  }

  /** On each tick: renews subscriptions near expiry; a failure is logged and retried next tick. */
  async renewDue(nowMs = Date.now()): Promise<number> {
    const { rows } = await this.deps.pool.query<{ id: string }>('select id from bridges where enabled');
    let renewed = 0;
    for (const { id } of rows) {
      const bridge = await this.bridges.byId(id);
      if (!bridge) continue;
      try {
        renewed += (await ensureSubscriptions(this.subscriptionDeps(), bridge, this.publicUrl, nowMs)).length;
      } catch (error) {
        this.deps.logger.warn({ bridge: id, err: { message: (error as Error).message } }, 'subscription renewal failed; retrying next tick');
      }
    }
    return renewed;
  }

  private subscriptionDeps() {
    return { connections: this.deps.connections, credentials: this.deps.credentials, bridges: this.bridges };
  }
}
