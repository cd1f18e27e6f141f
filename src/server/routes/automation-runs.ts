/**
 * What automations did: the org's recent runs, and one automation's own runs, each with its
 * status and the (scrubbed) envelope of the call. The error a person reads is drawn from the
 * envelope here, once, so every screen shows the same words.
 */
import { z } from 'zod';
import { iso } from '../db.js';
import { defineRoute, type AnyRouteSpec } from '../route-spec.js';
import { idSchema } from '../schemas/common.js';

export interface AutomationRunRow {
  id: string; automation_id: string | null; workspace_id: string | null; connector_id: string; action_id: string;
  status: string; outcome: Record<string, unknown> | null; attempts: number; created_at: Date;
}

export const RUN_COLUMNS = 'id, automation_id, workspace_id, connector_id, action_id, status, outcome, attempts, created_at';

export const automationRunSchema = z.object({
  id: z.string(), automation_id: z.string().nullable(), workspace_id: z.string().nullable(), connector_id: z.string(), action_id: z.string(),
  status: z.string().meta({ description: 'ran | failed (retried) | dead (given up) | skipped_disabled | skipped_unconfigured | skipped_opted_out' }),
  outcome: z.unknown(), attempts: z.number(), created_at: z.string(),
  error: z.string().nullable().meta({ description: 'The failure in words (from the envelope\'s error or the skip reason); null when the call succeeded.' }),
});

/** The error of a run in words: the envelope's message (with the vendor status), a skip's reason, or null. */
export function runError(status: string, outcome: Record<string, unknown> | null): string | null {
  const error = outcome?.error as { message?: string; kind?: string } | null | undefined;
  if (error?.message) return `${error.kind ? `${error.kind}: ` : ''}${error.message}${typeof outcome?.status === 'number' && outcome.status > 0 ? ` (HTTP ${outcome.status})` : ''}`;
  if (typeof outcome?.reason === 'string') return outcome.reason;
  const skipped: Record<string, string> = {
    skipped_disabled: 'the connector is switched off by the platform',
    skipped_unconfigured: 'the workspace has not stored credentials for this connector',
    skipped_opted_out: 'the workspace opted out of this connector',
  };
  return skipped[status] ?? (status === 'ran' ? null : status.replace(/_/g, ' '));
}

export const toAutomationRun = (r: AutomationRunRow) => ({ ...r, created_at: iso(r.created_at), error: runError(r.status, r.outcome) });

const limitQuery = (fallback: number) => z.object({ limit: z.coerce.number().int().min(1).max(500).default(fallback) });

const orgRuns = defineRoute({
  method: 'GET', url: '/api/v1/orgs/:orgId/automation-runs', operationId: 'listAutomationRuns', tag: 'automations', access: 'org_admin',
  summary: 'Recent automation runs with their outcome (the envelope, scrubbed)', params: z.object({ orgId: idSchema }),
  query: limitQuery(100), response: z.object({ items: z.array(automationRunSchema) }),
  async handler({ services, scope, query }) {
    const { rows } = await services.pool.query<AutomationRunRow>(
      `select ${RUN_COLUMNS} from automation_runs where org_id = $1 order by created_at desc limit $2`, [scope.org!.id, query.limit]);
    return { items: rows.map(toAutomationRun) };
  },
});

const automationRuns = defineRoute({
  method: 'GET', url: '/api/v1/orgs/:orgId/automations/:automationId/runs', operationId: 'listRunsOfAutomation', tag: 'automations', access: 'org_admin',
  summary: 'One automation\'s runs, newest first, with their status and error', params: z.object({ orgId: idSchema, automationId: idSchema }),
  query: limitQuery(20), response: z.object({ items: z.array(automationRunSchema) }),
  async handler({ services, scope, query }) {
    const { rows } = await services.pool.query<AutomationRunRow>(
      `select ${RUN_COLUMNS} from automation_runs where automation_id = $1 and org_id = $2 order by created_at desc limit $3`,
      [scope.automation!.id, scope.org!.id, query.limit]);
    return { items: rows.map(toAutomationRun) };
  },
});

export const automationRunRoutes: AnyRouteSpec[] = [orgRuns, automationRuns];
