/**
 * The platform tier: admin-defined JSON HTTP connectors (register, list, update with versions,
 * disable) and a one-off run of an action, answered as the envelope. Platform admins only.
 */
import { z } from 'zod';
import { HttpConnectorConflict, runHttpAction, type HttpConnectorDefinition, type HttpConnectorStore, type WorkspaceSettings } from '../../http-connectors/index.js';
import { createScrubber, scrubValue } from '../../core/scrub.js';
import { ApiError, notFound } from '../errors.js';
import { defineRoute, type AnyRouteSpec, type ApiServices } from '../route-spec.js';
import { idSchema } from '../schemas/common.js';

const connectorParams = z.object({ connectorId: z.string().max(64) });
const storedSchema = z.object({ definition: z.record(z.string(), z.unknown()), version: z.number(), enabled: z.boolean(), updatedAt: z.string() });
const envelopeSchema = z.object({
  status: z.string(),
  ok: z.boolean().optional(), httpStatus: z.number().optional(), latencyMs: z.number().optional(), body: z.unknown().optional(),
  error: z.object({ kind: z.string(), message: z.string(), code: z.string().optional(), fields: z.array(z.object({ field: z.string(), message: z.string() })) }).nullable().optional(),
});

export function tiers(services: ApiServices): { store: HttpConnectorStore; settings: WorkspaceSettings } {
  if (!services.httpConnectors || !services.settings) throw new ApiError(503, 'unavailable', 'HTTP connectors are not available on this server');
  return { store: services.httpConnectors, settings: services.settings };
}

const toStored = (s: { definition: HttpConnectorDefinition; version: number; enabled: boolean; updatedAt: Date }) =>
  ({ definition: s.definition as unknown as Record<string, unknown>, version: s.version, enabled: s.enabled, updatedAt: s.updatedAt.toISOString() });

const register = defineRoute({
  method: 'POST', url: '/admin/connector', operationId: 'registerHttpConnector', tag: 'http-connectors', access: 'platform_admin', audit: 'http_connector.create', status: 201,
  summary: 'Register a JSON HTTP connector (refused with 400 naming every bad path)', body: z.record(z.string(), z.unknown()), response: storedSchema, errors: [409],
  async handler({ services, body, principal, audit }) {
    try {
      const stored = await tiers(services).store.register(body, principal.keyId);
      await audit({ target: `http_connector:${stored.definition.connector_id}`, diff: { version: 1, definition: stored.definition } });
      return toStored(stored);
    } catch (error) {
      if (error instanceof HttpConnectorConflict) throw new ApiError(409, 'conflict', error.message);
      throw error;
    }
  },
});

const list = defineRoute({
  method: 'GET', url: '/admin/connector', operationId: 'listHttpConnectors', tag: 'http-connectors', access: 'platform_admin',
  summary: 'Every JSON HTTP connector', response: z.object({ items: z.array(storedSchema) }),
  async handler({ services }) {
    return { items: (await tiers(services).store.list()).map(toStored) };
  },
});

const get = defineRoute({
  method: 'GET', url: '/admin/connector/:connectorId', operationId: 'getHttpConnector', tag: 'http-connectors', access: 'platform_admin',
  summary: 'One JSON HTTP connector, with its versions', params: connectorParams,
  response: storedSchema.extend({ versions: z.array(z.object({ version: z.number(), createdBy: z.string().nullable(), createdAt: z.string() })) }),
  async handler({ services, params }) {
    const { store } = tiers(services);
    const stored = await store.get(params.connectorId);
    if (!stored) throw notFound('connector');
    const versions = (await store.versions(params.connectorId)).map((v) => ({ ...v, createdAt: v.createdAt.toISOString() }));
    return { ...toStored(stored), versions };
  },
});

const update = defineRoute({
  method: 'PUT', url: '/admin/connector/:connectorId', operationId: 'updateHttpConnector', tag: 'http-connectors', access: 'platform_admin', audit: 'http_connector.update',
  summary: 'Replace a JSON HTTP connector with a new version', params: connectorParams, body: z.record(z.string(), z.unknown()), response: storedSchema,
  async handler({ services, params, body, principal, audit }) {
    const stored = await tiers(services).store.update(params.connectorId, body, principal.keyId);
    if (!stored) throw notFound('connector');
    await audit({ target: `http_connector:${params.connectorId}`, diff: { version: stored.version, definition: stored.definition } });
    return toStored(stored);
  },
});

const setEnabled = (enabled: boolean) => defineRoute({
  method: 'POST', url: `/admin/connector/:connectorId/${enabled ? 'enable' : 'disable'}`, operationId: `${enabled ? 'enable' : 'disable'}HttpConnector`, tag: 'http-connectors',
  access: 'platform_admin', audit: `http_connector.${enabled ? 'enable' : 'disable'}`, summary: enabled ? 'Turn the kill-switch off' : 'Kill-switch: every run of this connector is skipped',
  params: connectorParams, response: storedSchema,
  async handler({ services, params, principal, audit }) {
    const stored = await tiers(services).store.setEnabled(params.connectorId, enabled, principal.keyId);
    if (!stored) throw notFound('connector');
    await audit({ target: `http_connector:${params.connectorId}`, diff: { enabled } });
    return toStored(stored);
  },
});

const runAction = defineRoute({
  method: 'POST', url: '/admin/connector/:connectorId/actions/:actionId/run', operationId: 'runHttpConnectorAction', tag: 'http-connectors', access: 'platform_admin',
  audit: 'http_connector.run', summary: 'Run one action once, for one workspace, and answer the envelope',
  params: connectorParams.extend({ actionId: z.string().max(64) }),
  body: z.object({ workspace_id: idSchema.optional(), inputs: z.record(z.string(), z.unknown()).default({}) }), response: envelopeSchema,
  async handler({ services, params, body, audit }) {
    const { store, settings } = tiers(services);
    const stored = await store.get(params.connectorId);
    if (!stored) throw notFound('connector');
    const definition = { ...stored.definition, enabled: stored.enabled };
    if (definition.auth_type !== 'none' && !body.workspace_id) throw new ApiError(400, 'validation', 'workspace_id is required for a connector with credentials', [{ field: 'workspace_id', message: 'is required' }]);
    let orgAllowlist: string[] | undefined;
    let orgId: string | null = null;
    if (body.workspace_id) {
      const { rows } = await services.pool.query<{ org_id: string; domain_allowlist: string[] }>('select o.id as org_id, o.domain_allowlist from workspaces w join orgs o on o.id = w.org_id where w.id = $1', [body.workspace_id]);
      if (!rows[0]) throw notFound('workspace');
      orgAllowlist = rows[0].domain_allowlist;
      orgId = rows[0].org_id;
    }
    const setting = body.workspace_id && definition.auth_type !== 'none' ? await settings.get(body.workspace_id, 'connector', definition.connector_id) : null;
    const outcome = await runHttpAction({
      definition, actionId: params.actionId, inputs: body.inputs, setting, orgAllowlist, workspaceId: body.workspace_id,
      sandboxOrigin: services.allowSandbox ? definition.sandbox_base_url : undefined,
    });
    const answer = outcome.status !== 'ran' ? { status: outcome.status } : {
      status: 'ran', ok: outcome.response.ok, httpStatus: outcome.response.status, latencyMs: outcome.response.latencyMs,
      // A partner may echo what it was sent: the workspace's credentials never leave in the answer.
      body: scrubValue(outcome.response.body, createScrubber(setting?.state === 'configured' ? Object.values(setting.config) : [])), error: outcome.response.error ? { ...outcome.response.error.toJSON(), kind: outcome.response.error.kind, message: outcome.response.error.message, fields: outcome.response.error.fields } : null,
    };
    // A run for a workspace is that org's business too: its entry carries the org, so its admins see it.
    await audit({ target: `http_connector:${params.connectorId}:${params.actionId}`, orgId, workspaceId: body.workspace_id ?? null, diff: { status: answer.status, ok: answer.ok ?? null } });
    return answer;
  },
});

export const httpConnectorRoutes: AnyRouteSpec[] = [register, list, get, update, setEnabled(false), setEnabled(true), runAction];
