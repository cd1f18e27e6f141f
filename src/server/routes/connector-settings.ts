/**
 * The workspace tier: each workspace's own settings record per JSON connector (enabled, encrypted
 * config; never shown back), and the list of the platform's JSON connectors as a workspace sees
 * them: what each needs (its credential fields, its actions and their inputs) and whether this
 * workspace configured it or opted out. Definitions' URLs, domains and sandboxes stay with the
 * platform admins.
 */
import { z } from 'zod';
import { analyseTemplate, type StoredHttpConnector } from '../../http-connectors/index.js';
import { notFound } from '../errors.js';
import { defineRoute, type AnyRouteSpec } from '../route-spec.js';
import { idSchema } from '../schemas/common.js';
import { tiers } from './http-connectors.js';

const settingParams = z.object({ workspaceId: idSchema, connectorId: z.string().max(64) });
const settingOut = z.object({ connector_id: z.string(), enabled: z.boolean(), configured: z.record(z.string(), z.boolean()) });

const availableConnector = z.object({
  connector_id: z.string(), display_name: z.string(), auth_type: z.string(),
  enabled: z.boolean().meta({ description: 'The platform\'s kill-switch: false skips every run of this connector.' }),
  version: z.number(),
  auth_fields: z.array(z.object({ name: z.string(), label: z.string(), type: z.string(), required: z.boolean(), secret: z.boolean(), placeholder: z.string().optional(), help: z.string().optional() })),
  actions: z.array(z.object({
    action_id: z.string(), http_method: z.string(), description: z.string().optional(),
    inputs: z.array(z.object({ name: z.string(), required: z.boolean() })).meta({ description: 'URL placeholders and body properties an automation maps source fields to.' }),
  })),
  setting: settingOut.omit({ connector_id: true }).nullable().meta({ description: 'This workspace\'s setting; null when it stored none (runs are skipped as unconfigured).' }),
});

/** An action's inputs: its URL placeholders, then the body's required properties, then the others (stored JSON keeps no order). */
function inputsOf(action: StoredHttpConnector['definition']['actions'][number], domains: string[]) {
  const schema = action.body_schema as { properties?: Record<string, unknown>; required?: string[] };
  const required = new Set(schema.required ?? []);
  const placeholders = analyseTemplate(action.url_template, domains).placeholders;
  const names = [...new Set([...placeholders, ...required, ...Object.keys(schema.properties ?? {}).sort()])];
  return names.map((name) => ({ name, required: placeholders.includes(name) || required.has(name) }));
}

const listSettings = defineRoute({
  method: 'GET', url: '/api/v1/workspaces/:workspaceId/settings/connector', operationId: 'listConnectorSettings', tag: 'automations', access: 'workspace_member',
  summary: 'The platform\'s JSON connectors, with what each needs and this workspace\'s setting for it (never the values)',
  params: z.object({ workspaceId: idSchema }), response: z.object({ items: z.array(availableConnector) }),
  async handler({ services, scope }) {
    const { store, settings } = tiers(services);
    const items = await Promise.all((await store.list()).map(async ({ definition, version, enabled }) => ({
      connector_id: definition.connector_id, display_name: definition.display_name, auth_type: definition.auth_type, enabled, version,
      auth_fields: definition.auth_schema.fields.map((f) => ({
        name: f.name, label: f.label, type: f.type, required: f.required, secret: f.secret,
        ...(f.placeholder ? { placeholder: f.placeholder } : {}), ...(f.help ? { help: f.help } : {}),
      })),
      actions: definition.actions.map((a) => ({ action_id: a.action_id, http_method: a.http_method, ...(a.description ? { description: a.description } : {}), inputs: inputsOf(a, definition.allowed_domains) })),
      setting: await settings.describe(scope.workspace!.id, 'connector', definition.connector_id),
    })));
    return { items };
  },
});

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

export const connectorSettingRoutes: AnyRouteSpec[] = [listSettings, putSetting, getSetting];
