/**
 * The org tier (automations and their runs) and the workspace tier (each workspace's own
 * settings record per JSON connector: enabled, encrypted config; never shown back).
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { automationSchema } from '../../http-connectors/index.js';
import { notFound } from '../errors.js';
import type { AutomationRow } from '../resolvers.js';
import { defineRoute, type AnyRouteSpec } from '../route-spec.js';
import { idSchema } from '../schemas/common.js';
import { tiers } from './http-connectors.js';

const orgParams = z.object({ orgId: idSchema });
const automationOut = z.object({
  id: z.string(), name: z.string(), trigger: z.record(z.string(), z.unknown()), connector_id: z.string(), action_id: z.string(),
  mapping: z.unknown(), enabled: z.boolean(), created_at: z.string(),
  /** Webhook triggers, on creation only: where to POST and the token (never shown again). */
  webhook: z.object({ url: z.string(), token: z.string() }).optional(),
});
const toAutomation = (r: AutomationRow) => {
  const { tokenHash: _hidden, ...trigger } = r.trigger as Record<string, unknown>;
  return { ...r, trigger, created_at: new Date(r.created_at).toISOString() };
};

const create = defineRoute({
  method: 'POST', url: '/api/v1/orgs/:orgId/automations', operationId: 'createAutomation', tag: 'automations', access: 'org_admin', audit: 'automation.create', status: 201,
  summary: 'An automation: a trigger, a JSON connector action, and a mapping from source fields to its inputs', params: orgParams, body: automationSchema, response: automationOut,
  async handler({ services, scope, body, audit }) {
    const stored = await tiers(services).store.get(body.connector_id);
    if (!stored) throw notFound('connector');
    if (!stored.definition.actions.some((a) => a.action_id === body.action_id)) throw notFound('action');
    // A webhook trigger gets a random token, answered once; only its hash is kept.
    const webhookToken = body.trigger.type === 'webhook' ? `fwh_${randomBytes(24).toString('base64url')}` : undefined;
    const trigger = webhookToken ? { ...body.trigger, tokenHash: createHash('sha256').update(webhookToken).digest('hex') } : body.trigger;
    // Change events from now on: an automation does not replay the whole history.
    const { rows } = await services.pool.query<AutomationRow>(
      `insert into automations (org_id, name, trigger, connector_id, action_id, mapping, enabled, change_cursor)
       values ($1, $2, $3, $4, $5, $6, $7, (select coalesce(max(seq), 0) from change_log))
       returning id, org_id, name, trigger, connector_id, action_id, mapping, enabled, created_at`,
      [scope.org!.id, body.name, JSON.stringify(trigger), body.connector_id, body.action_id, JSON.stringify(body.mapping), body.enabled]);
    await audit({ target: `automation:${rows[0]!.id}`, diff: body });
    return { ...toAutomation(rows[0]!), ...(webhookToken ? { webhook: { url: `/hooks/automations/${rows[0]!.id}`, token: webhookToken } } : {}) };
  },
});

const list = defineRoute({
  method: 'GET', url: '/api/v1/orgs/:orgId/automations', operationId: 'listAutomations', tag: 'automations', access: 'org_admin',
  summary: 'The org\'s automations', params: orgParams, response: z.object({ items: z.array(automationOut) }),
  async handler({ services, scope }) {
    const { rows } = await services.pool.query<AutomationRow>(
      'select id, org_id, name, trigger, connector_id, action_id, mapping, enabled, created_at from automations where org_id = $1 order by created_at', [scope.org!.id]);
    return { items: rows.map(toAutomation) };
  },
});

const setEnabled = (enabled: boolean) => defineRoute({
  method: 'POST', url: `/api/v1/orgs/:orgId/automations/:automationId/${enabled ? 'enable' : 'disable'}`, operationId: `${enabled ? 'enable' : 'disable'}Automation`,
  tag: 'automations', access: 'org_admin', audit: `automation.${enabled ? 'enable' : 'disable'}`, summary: enabled ? 'Enable an automation' : 'Disable an automation',
  params: orgParams.extend({ automationId: idSchema }), response: automationOut,
  async handler({ services, scope, audit }) {
    const { rows } = await services.pool.query<AutomationRow>(
      'update automations set enabled = $2 where id = $1 returning id, org_id, name, trigger, connector_id, action_id, mapping, enabled, created_at', [scope.automation!.id, enabled]);
    await audit({ target: `automation:${scope.automation!.id}`, diff: { enabled } });
    return toAutomation(rows[0]!);
  },
});

const runs = defineRoute({
  method: 'GET', url: '/api/v1/orgs/:orgId/automation-runs', operationId: 'listAutomationRuns', tag: 'automations', access: 'org_admin',
  summary: 'Recent automation runs with their outcome (the envelope, scrubbed)', params: orgParams,
  query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
  response: z.object({ items: z.array(z.object({ id: z.string(), automation_id: z.string().nullable(), workspace_id: z.string().nullable(), connector_id: z.string(), action_id: z.string(), status: z.string(), outcome: z.unknown(), attempts: z.number(), created_at: z.string() })) }),
  async handler({ services, scope, query }) {
    const { rows } = await services.pool.query(
      'select id, automation_id, workspace_id, connector_id, action_id, status, outcome, attempts, created_at from automation_runs where org_id = $1 order by created_at desc limit $2', [scope.org!.id, query.limit]);
    return { items: rows.map((r) => ({ ...r, created_at: new Date(r.created_at).toISOString() })) };
  },
});

const settingParams = z.object({ workspaceId: idSchema, connectorId: z.string().max(64) });
const settingOut = z.object({ connector_id: z.string(), enabled: z.boolean(), configured: z.record(z.string(), z.boolean()) });

const putSetting = defineRoute({
  method: 'PUT', url: '/api/v1/workspaces/:workspaceId/settings/connector/:connectorId', operationId: 'putConnectorSetting', tag: 'automations', access: 'workspace_member',
  audit: 'setting.connector.update', summary: 'This workspace\'s credentials for a JSON connector (write-only), or its opt-out (enabled: false)',
  params: settingParams, body: z.object({ enabled: z.boolean().default(true), config: z.record(z.string(), z.string()).optional() }), response: settingOut,
  async handler({ services, scope, params, body, audit }) {
    const { store, settings } = tiers(services);
    if (!(await store.get(params.connectorId))) throw notFound('connector');
    await settings.set(scope.workspace!.id, 'connector', params.connectorId, body);
    const described = await settings.describe(scope.workspace!.id, 'connector', params.connectorId);
    await audit({ target: `setting:connector:${params.connectorId}`, diff: { enabled: body.enabled, config: body.config ? Object.fromEntries(Object.keys(body.config).map((k) => [k, '[REDACTED]'])) : undefined } });
    return { connector_id: params.connectorId, enabled: described?.enabled ?? body.enabled, configured: described?.configured ?? {} };
  },
});

const getSetting = defineRoute({
  method: 'GET', url: '/api/v1/workspaces/:workspaceId/settings/connector/:connectorId', operationId: 'getConnectorSetting', tag: 'automations', access: 'workspace_member',
  summary: 'Whether this workspace configured (or opted out of) a JSON connector; never the values', params: settingParams, response: settingOut,
  async handler({ services, scope, params }) {
    const described = await tiers(services).settings.describe(scope.workspace!.id, 'connector', params.connectorId);
    if (!described) throw notFound('setting');
    return { connector_id: params.connectorId, ...described };
  },
});

export const automationRoutes: AnyRouteSpec[] = [create, list, setEnabled(false), setEnabled(true), runs, putSetting, getSetting];
