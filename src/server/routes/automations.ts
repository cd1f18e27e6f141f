/**
 * The org tier: automations (a trigger, a JSON connector action, a mapping from source fields to
 * its inputs): create, list with each one's last run, read, edit, enable and disable. A schedule's
 * cron is checked here, naming `trigger.cron`, rather than failing at the worker's first tick. A
 * webhook trigger's token is answered once, by the write that made it; only its hash is kept.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { automationSchema, type AutomationInput } from '../../http-connectors/index.js';
import { nextRun } from '../../orchestration/index.js';
import { iso, withTransaction } from '../db.js';
import { invalid, notFound } from '../errors.js';
import { defineRoute, type AnyRouteSpec, type ApiServices } from '../route-spec.js';
import { idSchema } from '../schemas/common.js';
import { runError } from './automation-runs.js';
import { tiers } from './http-connectors.js';

const orgParams = z.object({ orgId: idSchema });
const automationParams = orgParams.extend({ automationId: idSchema });

const automationOut = z.object({
  id: z.string(), name: z.string(), trigger: z.record(z.string(), z.unknown()), connector_id: z.string(), action_id: z.string(),
  mapping: z.unknown(), enabled: z.boolean(), created_at: z.string(),
  /** Schedule triggers: when the next slot is (computed from the cron until the scheduler has stored one). */
  next_run_at: z.string().nullable().optional(),
  last_run: z.object({ status: z.string(), created_at: z.string(), error: z.string().nullable() }).nullable().optional()
    .meta({ description: 'The most recent run, in any workspace of the org; null when it never ran.' }),
  /** Webhook triggers, on the write that made the token only: where to POST and the token (never shown again). */
  webhook: z.object({ url: z.string(), token: z.string() }).optional(),
});

interface Row {
  id: string; org_id: string; name: string; trigger: Record<string, unknown>; connector_id: string; action_id: string; mapping: unknown; enabled: boolean;
  created_at: Date; next_run_at: Date | null; last_status: string | null; last_outcome: Record<string, unknown> | null; last_at: Date | null;
}

/** Every column an answer shows, with the latest run. */
const SELECT = `select a.id, a.org_id, a.name, a.trigger, a.connector_id, a.action_id, a.mapping, a.enabled, a.created_at, a.next_run_at,
  r.status as last_status, r.outcome as last_outcome, r.created_at as last_at
  from automations a left join lateral (select status, outcome, created_at from automation_runs where automation_id = a.id order by created_at desc limit 1) r on true`;

function toAutomation(r: Row) {
  const { tokenHash: _hidden, ...trigger } = r.trigger;
  const cron = trigger.type === 'schedule' ? String(trigger.cron) : undefined;
  return {
    id: r.id, name: r.name, trigger, connector_id: r.connector_id, action_id: r.action_id, mapping: r.mapping, enabled: r.enabled, created_at: iso(r.created_at),
    next_run_at: cron ? iso(r.next_run_at) ?? safeNextRun(cron) : null,
    last_run: r.last_status ? { status: r.last_status, created_at: iso(r.last_at!), error: runError(r.last_status, r.last_outcome) } : null,
  };
}

function safeNextRun(cron: string): string | null {
  try { return nextRun(cron).toISOString(); } catch { return null; }
}

async function readAutomation(services: ApiServices, orgId: string, id: string) {
  const { rows } = await services.pool.query<Row>(`${SELECT} where a.id = $1 and a.org_id = $2`, [id, orgId]);
  if (!rows[0]) throw notFound('automation');
  return toAutomation(rows[0]);
}

/** The connector and action must exist (404 as before), and a schedule's cron must parse. */
async function checkAutomation(services: ApiServices, body: AutomationInput): Promise<void> {
  if (body.trigger.type === 'schedule') {
    try { nextRun(body.trigger.cron); } catch (error) { throw invalid('trigger.cron', `not a valid cron expression: ${(error as Error).message}`); }
  }
  const stored = await tiers(services).store.get(body.connector_id);
  if (!stored) throw notFound('connector');
  if (!stored.definition.actions.some((a) => a.action_id === body.action_id)) throw notFound('action');
}

/** A webhook trigger gets a random token, answered once; only its hash is kept. */
function newWebhookToken(): { token: string; hash: string } {
  const token = `fwh_${randomBytes(24).toString('base64url')}`;
  return { token, hash: createHash('sha256').update(token).digest('hex') };
}

const webhookOf = (id: string, token: string | undefined) => (token ? { webhook: { url: `/hooks/automations/${id}`, token } } : {});

const create = defineRoute({
  method: 'POST', url: '/api/v1/orgs/:orgId/automations', operationId: 'createAutomation', tag: 'automations', access: 'org_admin', audit: 'automation.create', status: 201,
  summary: 'An automation: a trigger, a JSON connector action, and a mapping from source fields to its inputs', params: orgParams, body: automationSchema, response: automationOut,
  async handler({ services, scope, body, audit }) {
    await checkAutomation(services, body);
    const webhook = body.trigger.type === 'webhook' ? newWebhookToken() : undefined;
    const trigger = webhook ? { ...body.trigger, tokenHash: webhook.hash } : body.trigger;
    // Change events from now on: an automation does not replay the whole history.
    const id = await withTransaction(services.pool, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `insert into automations (org_id, name, trigger, connector_id, action_id, mapping, enabled, change_cursor)
         values ($1, $2, $3, $4, $5, $6, $7, (select coalesce(max(seq), 0) from change_log)) returning id`,
        [scope.org!.id, body.name, JSON.stringify(trigger), body.connector_id, body.action_id, JSON.stringify(body.mapping), body.enabled]);
      await audit({ target: `automation:${rows[0]!.id}`, diff: body }, client);
      return rows[0]!.id;
    });
    return { ...(await readAutomation(services, scope.org!.id, id)), ...webhookOf(id, webhook?.token) };
  },
});

const list = defineRoute({
  method: 'GET', url: '/api/v1/orgs/:orgId/automations', operationId: 'listAutomations', tag: 'automations', access: 'org_admin',
  summary: 'The org\'s automations, each with its last run', params: orgParams, response: z.object({ items: z.array(automationOut) }),
  async handler({ services, scope }) {
    const { rows } = await services.pool.query<Row>(`${SELECT} where a.org_id = $1 order by a.created_at, a.id`, [scope.org!.id]);
    return { items: rows.map(toAutomation) };
  },
});

const get = defineRoute({
  method: 'GET', url: '/api/v1/orgs/:orgId/automations/:automationId', operationId: 'getAutomation', tag: 'automations', access: 'org_admin',
  summary: 'One automation with its last run', params: automationParams, response: automationOut,
  async handler({ services, scope }) {
    return readAutomation(services, scope.org!.id, scope.automation!.id);
  },
});

const update = defineRoute({
  method: 'PUT', url: '/api/v1/orgs/:orgId/automations/:automationId', operationId: 'updateAutomation', tag: 'automations', access: 'org_admin', audit: 'automation.update',
  summary: 'Replace an automation\'s name, trigger, action, mapping and state',
  description: 'A webhook trigger keeps its token; one that becomes a webhook gets a new token, answered once. A changed trigger starts afresh: a schedule waits for its next slot, change events are handed out from now on.',
  params: automationParams, body: automationSchema, response: automationOut,
  async handler({ services, scope, body, audit }) {
    await checkAutomation(services, body);
    const before = scope.automation!;
    const { tokenHash, ...previous } = before.trigger as Record<string, unknown> & { tokenHash?: string };
    const keepsToken = body.trigger.type === 'webhook' && previous.type === 'webhook' && typeof tokenHash === 'string';
    const webhook = body.trigger.type === 'webhook' && !keepsToken ? newWebhookToken() : undefined;
    const hash = keepsToken ? tokenHash : webhook?.hash;
    const trigger = hash ? { ...body.trigger, tokenHash: hash } : body.trigger;
    const triggerChanged = JSON.stringify(previous) !== JSON.stringify(body.trigger);
    await withTransaction(services.pool, async (client) => {
      await client.query(
        `update automations set name = $2, trigger = $3, connector_id = $4, action_id = $5, mapping = $6, enabled = $7,
           next_run_at = case when $8 then null else next_run_at end,
           change_cursor = case when $8 then (select coalesce(max(seq), 0) from change_log) else change_cursor end
         where id = $1`,
        [before.id, body.name, JSON.stringify(trigger), body.connector_id, body.action_id, JSON.stringify(body.mapping), body.enabled, triggerChanged]);
      const changed = Object.fromEntries((['name', 'connector_id', 'action_id', 'enabled'] as const)
        .filter((k) => before[k] !== body[k]).map((k) => [k, { from: before[k], to: body[k] }]));
      await audit({
        target: `automation:${before.id}`,
        diff: { ...changed, ...(triggerChanged ? { trigger: { from: previous, to: body.trigger } } : {}), mapping: body.mapping, ...(webhook ? { webhook_token: 'issued' } : {}) },
      }, client);
    });
    return { ...(await readAutomation(services, scope.org!.id, before.id)), ...webhookOf(before.id, webhook?.token) };
  },
});

const setEnabled = (enabled: boolean) => defineRoute({
  method: 'POST', url: `/api/v1/orgs/:orgId/automations/:automationId/${enabled ? 'enable' : 'disable'}`, operationId: `${enabled ? 'enable' : 'disable'}Automation`,
  tag: 'automations', access: 'org_admin', audit: `automation.${enabled ? 'enable' : 'disable'}`, summary: enabled ? 'Enable an automation' : 'Disable an automation',
  params: automationParams, response: automationOut,
  async handler({ services, scope, audit }) {
    await withTransaction(services.pool, async (client) => {
      await client.query('update automations set enabled = $2 where id = $1', [scope.automation!.id, enabled]);
      await audit({ target: `automation:${scope.automation!.id}`, diff: { enabled: { from: scope.automation!.enabled, to: enabled } } }, client);
    });
    return readAutomation(services, scope.org!.id, scope.automation!.id);
  },
});

export const automationRoutes: AnyRouteSpec[] = [create, list, get, update, setEnabled(false), setEnabled(true)];
