/**
 * The load engine: plan → snapshot → write → verify → (rollback). Plans and snapshots are in the
 * journal before the first write, so a dry run, a crash and an on-demand rollback all work
 * from the same record of what was there.
 */
import type pg from 'pg';
import type { Logger } from '../core/index.js';
import type { ConnectorContext, ConnectorDefinition, DestinationOperations, ObjectDefinition } from '../registry/index.js';
import { insertLoad, loadItems, loadLoad, setLoadState, type JournalItem, type LoadRow } from './journal.js';
import { planLoad } from './plan.js';
import { buildReport } from './report.js';
import { rollbackItems } from './rollback.js';
import { loadOptionsSchema, loadRecordSchema, type LoadOptions, type LoadRecord, type LoadReport, type PlanItem } from './types.js';
import { verifyItems } from './verify.js';
import { writeItems, type WriteOptions } from './write.js';

export interface LoadContextFactory {
  contextFor(connectionId: string, options?: { runId?: string; signal?: AbortSignal }): Promise<{ ctx: ConnectorContext; definition: ConnectorDefinition }>;
}

export interface LoadServiceDeps {
  pool: pg.Pool;
  contexts: LoadContextFactory;
  logger: Logger;
  /** Runs a load in the background (pg-boss); absent: `start` runs it inline. */
  enqueue?: (loadId: string, key: string) => Promise<unknown>;
}

export interface PlanInput {
  workspaceId: string;
  connectionId: string;
  object: string;
  records: LoadRecord[];
  options?: Partial<LoadOptions>;
}

export class LoadError extends Error {}

/** Complete when every item the rollback touched is back as it was. */
function rollbackComplete(items: JournalItem[]): boolean {
  return items.every((i) => i.rollbackStatus === 'none' || i.rollbackStatus === 'restored' || i.rollbackStatus === 'not_needed');
}

export class LoadService {
  /** Test hook for crash tests: runs before each write batch. */
  beforeWriteBatch?: WriteOptions['beforeBatch'];

  constructor(private readonly deps: LoadServiceDeps) {}

  private async target(connectionId: string, objectName: string): Promise<{ ctx: ConnectorContext; object: ObjectDefinition; dest: DestinationOperations }> {
    const { ctx, definition } = await this.deps.contexts.contextFor(connectionId);
    const object = definition.objects.find((o) => o.name === objectName);
    if (!object?.destination) throw new LoadError(`${definition.name} cannot write "${objectName}" (writable: ${definition.objects.filter((o) => o.destination).map((o) => o.name).join(', ') || 'none'})`);
    return { ctx, object, dest: object.destination as DestinationOperations };
  }

  /** plan + snapshot into the journal; a dry run stops here and its diff is the answer. */
  async plan(input: PlanInput): Promise<{ loadId: string; items: PlanItem[]; report: LoadReport }> {
    const options = loadOptionsSchema.parse(input.options ?? {});
    const records = input.records.map((r, i) => {
      const parsed = loadRecordSchema.safeParse(r);
      if (!parsed.success) throw new LoadError(`record ${i}: ${parsed.error.issues.map((x) => `${x.path.join('.') || '(record)'} ${x.message}`).join('; ')}`);
      return parsed.data;
    });
    const { ctx, object, dest } = await this.target(input.connectionId, input.object);
    const batchSize = Math.min(options.batchSize ?? dest.batchSize, dest.batchSize);
    const items = await planLoad(ctx, object, dest, records, batchSize);
    const journalItems = items.map((i) => ({ ...i, writeStatus: 'pending', verifyStatus: 'pending', rollbackStatus: 'none', error: null }) as JournalItem);
    const report = buildReport(journalItems, 'planned');
    const loadId = await insertLoad(this.deps.pool, { workspaceId: input.workspaceId, connectionId: input.connectionId, object: input.object, dryRun: options.dryRun, options, report }, items);
    return { loadId, items, report };
  }

  /** Runs a planned load: in the background when a queue is wired, else now. */
  async start(loadId: string): Promise<void> {
    const load = await this.mustLoad(loadId);
    if (load.dryRun) throw new LoadError('a dry run is never written; plan the load again without dryRun');
    if (this.deps.enqueue) await this.deps.enqueue(loadId, `${load.connectionId}:${load.object}`);
    else await this.run(loadId);
  }

  /** write → verify → rollback when verification fails beyond the load's threshold. */
  async run(loadId: string): Promise<LoadReport> {
    const load = await this.mustLoad(loadId);
    if (load.status !== 'planned') throw new LoadError(`load ${loadId} is ${load.status}; only a planned load runs`);
    const options = loadOptionsSchema.parse(load.options);
    const { ctx, object, dest } = await this.target(load.connectionId, load.object);
    const batchSize = Math.min(options.batchSize ?? dest.batchSize, dest.batchSize);
    const items = await loadItems(this.deps.pool, loadId);
    await setLoadState(this.deps.pool, loadId, 'running', buildReport(items, 'running'));
    await writeItems(this.deps.pool, ctx, dest, items, {
      loadId, batchSize, beforeBatch: this.beforeWriteBatch,
      onProgress: () => { void setLoadState(this.deps.pool, loadId, 'running', buildReport(items, 'running')).catch(() => {}); },
    });
    await setLoadState(this.deps.pool, loadId, 'verifying', buildReport(items, 'verifying'));
    const { failed } = await verifyItems(this.deps.pool, ctx, dest, items, loadId, batchSize, object.primaryKey);
    const written = items.filter((i) => i.writeStatus === 'written').length;
    if (failed > 0 && failed / Math.max(1, written) > options.rollbackThreshold) {
      await rollbackItems(this.deps.pool, ctx, dest, items, { loadId, batchSize, naturalKeyField: object.naturalKey, primaryKey: object.primaryKey });
      const report = buildReport(items, rollbackComplete(items) ? 'rolled_back' : 'rollback_incomplete', { trigger: 'verification' });
      await setLoadState(this.deps.pool, loadId, report.status, report, true);
      return report;
    }
    const hasFailures = items.some((i) => i.writeStatus === 'failed' || i.action === 'conflict') || failed > 0;
    const report = buildReport(items, hasFailures ? 'partially_failed' : 'succeeded');
    await setLoadState(this.deps.pool, loadId, report.status, report, true);
    return report;
  }

  /** On demand, later, or after a crash: undo from the journal and report what stayed undone. */
  async rollback(loadId: string, workspaceId?: string): Promise<LoadReport> {
    const load = await this.mustLoad(loadId, workspaceId);
    const { ctx, object, dest } = await this.target(load.connectionId, load.object);
    const options = loadOptionsSchema.parse(load.options);
    const batchSize = Math.min(options.batchSize ?? dest.batchSize, dest.batchSize);
    const items = await loadItems(this.deps.pool, loadId);
    const crashed = load.status === 'running' || load.status === 'verifying';
    await rollbackItems(this.deps.pool, ctx, dest, items, { loadId, batchSize, naturalKeyField: object.naturalKey, primaryKey: object.primaryKey });
    const report = buildReport(items, rollbackComplete(items) ? 'rolled_back' : 'rollback_incomplete', { trigger: crashed ? 'crash' : 'on_demand' });
    await setLoadState(this.deps.pool, loadId, report.status, report, true);
    return report;
  }

  async get(workspaceId: string, loadId: string): Promise<{ load: LoadRow; items: JournalItem[] } | null> {
    const load = await loadLoad(this.deps.pool, loadId, workspaceId);
    if (!load) return null;
    return { load, items: await loadItems(this.deps.pool, loadId) };
  }

  private async mustLoad(loadId: string, workspaceId?: string): Promise<LoadRow> {
    const load = await loadLoad(this.deps.pool, loadId, workspaceId);
    if (!load) throw new LoadError(`no load ${loadId}`);
    return load;
  }
}
