/**
 * The org tier's automations: a trigger (Stream change events of an object, a schedule, an
 * inbound webhook), a connector action, and a mapping from source fields to the action's inputs.
 * Change events are handed out from the change log with a per-automation cursor, one job per
 * workspace event; each job runs the generic handler for that workspace and records the outcome.
 */
import type pg from 'pg';
import { withTransaction } from '../db/transaction.js';
import { z } from 'zod';
import { applyMapping, mappingSchema } from '../canonical/index.js';
import type { Logger } from '../core/index.js';
import { scrubValue } from '../core/scrub.js';
import { runHttpAction, type ActionOutcome } from './handler.js';
import type { WorkspaceSettings } from './settings.js';
import type { HttpConnectorStore } from './store.js';

export const triggerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('change_event'), object: z.string().min(1), ops: z.array(z.enum(['insert', 'update', 'delete'])).default(['insert', 'update', 'delete']) }),
  z.object({ type: z.literal('schedule'), cron: z.string().min(9) }),
  /**
   * Inbound webhook: POST /hooks/automations/:id with `Authorization: Bearer <token>`; the token
   * is generated at creation, shown once, and only its SHA-256 is stored.
   */
  z.object({ type: z.literal('webhook') }),
]);

export const automationSchema = z.object({
  name: z.string().trim().min(1),
  trigger: triggerSchema,
  connector_id: z.string().min(1),
  action_id: z.string().min(1),
  /** Source field (in the event: `data.email`, `externalId`, `op`) → action input, with transforms. */
  mapping: mappingSchema,
  enabled: z.boolean().default(true),
});
export type AutomationInput = z.output<typeof automationSchema>;

export interface AutomationEvent {
  workspaceId: string;
  seq?: number;
  op?: string;
  object?: string;
  externalId?: string;
  data?: Record<string, unknown> | null;
}

export interface AutomationJob {
  automationId: string;
  event: AutomationEvent;
}

/**
 * Claims the next change events for every change-event automation (row-locked, so two workers
 * never hand out the same event) and returns one job per event.
 */
export async function claimChangeEvents(pool: pg.Pool, limit = 500): Promise<AutomationJob[]> {
  return withTransaction(pool, async (client) => {
    const { rows: automations } = await client.query<{ id: string; org_id: string; trigger: { object: string; ops?: string[] }; change_cursor: string }>(
      `select id, org_id, trigger, change_cursor from automations where enabled and trigger->>'type' = 'change_event' for update skip locked`);
    const jobs: AutomationJob[] = [];
    for (const automation of automations) {
      const { rows: events } = await client.query<{ seq: string; workspace_id: string; op: string; object: string; external_id: string; data: Record<string, unknown> | null }>(
        `select cl.seq, cl.workspace_id, cl.op, cl.object, cl.external_id, cl.data from change_log cl join workspaces w on w.id = cl.workspace_id
         where w.org_id = $1 and cl.seq > $2 and cl.object = $3 and cl.op = any($4) order by cl.seq limit $5`,
        [automation.org_id, automation.change_cursor, automation.trigger.object, automation.trigger.ops ?? ['insert', 'update', 'delete'], limit]);
      if (events.length === 0) continue;
      for (const e of events) jobs.push({ automationId: automation.id, event: { workspaceId: e.workspace_id, seq: Number(e.seq), op: e.op, object: e.object, externalId: e.external_id, data: e.data } });
      await client.query('update automations set change_cursor = $2 where id = $1', [automation.id, events.at(-1)!.seq]);
    }
    return jobs;
  });
}

/**
 * Schedule triggers that are due: one job per workspace of the automation's org, and the next
 * run computed from the cron (row-locked, so two workers never both fire it).
 */
export async function claimScheduledRuns(pool: pg.Pool, nextRun: (cron: string, after: Date) => Date, now = new Date()): Promise<AutomationJob[]> {
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query<{ id: string; org_id: string; trigger: { cron: string }; next_run_at: Date | null }>(
      `select id, org_id, trigger, next_run_at from automations where enabled and trigger->>'type' = 'schedule'
       and (next_run_at is null or next_run_at <= $1) for update skip locked`, [now]);
    const jobs: AutomationJob[] = [];
    for (const automation of rows) {
      // A new schedule waits for its first slot rather than firing at once.
      if (automation.next_run_at) {
        const { rows: workspaces } = await client.query<{ id: string }>('select id from workspaces where org_id = $1', [automation.org_id]);
        for (const ws of workspaces) jobs.push({ automationId: automation.id, event: { workspaceId: ws.id, data: { scheduledAt: now.toISOString() } } });
      }
      await client.query('update automations set next_run_at = $2 where id = $1', [automation.id, nextRun(automation.trigger.cron, now)]);
    }
    return jobs;
  });
}

export interface AutomationDeps {
  pool: pg.Pool;
  connectors: HttpConnectorStore;
  settings: WorkspaceSettings;
  logger: Logger;
  /** The platform's sandbox egress policy: a connector's `sandbox_base_url` is honoured only then. @default false */
  allowSandbox?: boolean;
}

/** Runs one automation job and records it; returns the outcome (transient failures are for the caller to retry). */
export async function runAutomationJob(deps: AutomationDeps, job: AutomationJob, attempt = 1, finalAttempt = true): Promise<ActionOutcome | { status: 'automation_missing' }> {
  const { rows } = await deps.pool.query(`select a.*, o.domain_allowlist from automations a join orgs o on o.id = a.org_id where a.id = $1`, [job.automationId]);
  const automation = rows[0];
  if (!automation) return { status: 'automation_missing' };
  const stored = await deps.connectors.get(automation.connector_id);
  const record = async (status: string, outcome: Record<string, unknown> | null) => deps.pool.query(
    `insert into automation_runs (automation_id, org_id, workspace_id, connector_id, action_id, status, outcome, attempts) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [automation.id, automation.org_id, job.event.workspaceId, automation.connector_id, automation.action_id, status, outcome ? JSON.stringify(outcome) : null, attempt]);
  if (!stored) {
    await record('skipped_disabled', { reason: 'the connector no longer exists' });
    return { status: 'skipped_disabled' };
  }
  const setting = stored.definition.auth_type === 'none' ? null : await deps.settings.get(job.event.workspaceId, 'connector', stored.definition.connector_id);
  const inputs = applyMapping({ ...job.event, data: job.event.data ?? {} } as Record<string, unknown>, mappingSchema.parse(automation.mapping)).record;
  const outcome = await runHttpAction({
    definition: { ...stored.definition, enabled: stored.enabled }, actionId: automation.action_id, inputs, setting, workspaceId: job.event.workspaceId,
    orgAllowlist: automation.domain_allowlist, logger: deps.logger, sandboxOrigin: deps.allowSandbox ? stored.definition.sandbox_base_url : undefined,
  });
  if (outcome.status !== 'ran') await record(outcome.status, null);
  else {
    const { response } = outcome;
    const summary = scrubValue({ ok: response.ok, status: response.status, latencyMs: response.latencyMs, error: response.error?.toJSON() ?? null });
    // A transient failure is retried; the last attempt's failure, or any other kind, is dead-lettered.
    await record(response.ok ? 'ran' : response.error?.kind === 'transient' && !finalAttempt ? 'failed' : 'dead', summary);
  }
  return outcome;
}
