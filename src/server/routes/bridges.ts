/**
 * Bridges of a workspace (the event hub): join a channel on one chat connection with a channel on
 * another; messages, edits, deletes and thread replies then cross both ways. Creating one also
 * subscribes the ends whose vendor pushes only to subscribers (Graph).
 */
import { z } from 'zod';
import { BridgeDefinitionError, type Hub, type StoredBridge } from '../../hub/index.js';
import { ApiError, invalid, notFound } from '../errors.js';
import { defineRoute, type AnyRouteSpec, type ApiServices } from '../route-spec.js';
import { idSchema } from '../schemas/common.js';
import { wsParams as workspaceParams } from './connections.js';

const bridgeParams = z.object({ workspaceId: idSchema, bridgeId: idSchema });
const endSchema = z.object({ connectionId: z.string(), channel: z.string(), subscriptionExpiresAt: z.string().nullable() });
const bridgeSchema = z.object({ id: z.string(), name: z.string(), enabled: z.boolean(), a: endSchema, b: endSchema });
const endBody = z.object({ connection_id: idSchema, channel: z.string().min(1).max(200) });
const createBody = z.object({ name: z.string().min(1).max(200), a: endBody, b: endBody });
const ledgerEntrySchema = z.object({ originSide: z.enum(['a', 'b']), originId: z.string(), copyId: z.string().nullable(), state: z.string(), updatedAt: z.string() });

const toAnswer = (bridge: StoredBridge) => ({
  id: bridge.id, name: bridge.name, enabled: bridge.enabled,
  a: { ...bridge.a, subscriptionExpiresAt: bridge.subscriptions.a?.expiresAt ?? null },
  b: { ...bridge.b, subscriptionExpiresAt: bridge.subscriptions.b?.expiresAt ?? null },
});

function hubOf(services: ApiServices): Hub {
  if (!services.hub) throw new ApiError(503, 'unavailable', 'this server was started without the event hub');
  return services.hub;
}

const listBridges = defineRoute({
  method: 'GET', url: '/api/v1/workspaces/:workspaceId/bridges', operationId: 'listBridges', tag: 'bridges', access: 'workspace_member',
  summary: 'The bridges of a workspace', params: workspaceParams, response: z.object({ items: z.array(bridgeSchema) }),
  async handler({ services, scope }) {
    return { items: (await hubOf(services).bridges.list(scope.workspace!.id)).map(toAnswer) };
  },
});

const createBridge = defineRoute({
  method: 'POST', url: '/api/v1/workspaces/:workspaceId/bridges', operationId: 'createBridge', tag: 'bridges', access: 'workspace_member',
  audit: 'bridge.create', status: 201, errors: [502, 503],
  summary: 'Join two chat channels', description: 'Both ends must be chat connections of this workspace whose connector can post, edit, delete and capture. A vendor that refuses the push subscription answers 502 and no bridge is kept.',
  params: workspaceParams, body: createBody, response: bridgeSchema,
  async handler({ services, scope, body, audit }) {
    const hub = hubOf(services);
    let bridge: StoredBridge;
    try {
      bridge = await hub.bridges.create(scope.workspace!.id, { name: body.name, a: { connectionId: body.a.connection_id, channel: body.a.channel }, b: { connectionId: body.b.connection_id, channel: body.b.channel } });
    } catch (error) {
      if (error instanceof BridgeDefinitionError) throw invalid(error.field, error.message);
      throw error;
    }
    try {
      await hub.subscribe(bridge);
    } catch (error) {
      await hub.bridges.remove(scope.workspace!.id, bridge.id);
      throw new ApiError(502, 'subscription_failed', `the vendor refused the push subscription: ${(error as Error).message}`);
    }
    await audit({ target: `bridge:${bridge.id}`, diff: { name: body.name, a: body.a, b: body.b } });
    return toAnswer((await hub.bridges.get(scope.workspace!.id, bridge.id))!);
  },
});

const getBridge = defineRoute({
  method: 'GET', url: '/api/v1/workspaces/:workspaceId/bridges/:bridgeId', operationId: 'getBridge', tag: 'bridges', access: 'workspace_member',
  summary: 'A bridge and the latest messages that crossed it', params: bridgeParams,
  response: bridgeSchema.extend({ messages: z.array(ledgerEntrySchema) }),
  async handler({ services, scope }) {
    const hub = hubOf(services);
    const bridge = await hub.bridges.get(scope.workspace!.id, scope.bridge!.id);
    if (!bridge) throw notFound('bridge');
    const messages = await hub.bridges.messages(scope.workspace!.id, bridge.id);
    return {
      ...toAnswer(bridge),
      messages: messages.map((m) => ({ originSide: m.origin_side, originId: m.origin_id, copyId: m.copy_id, state: m.state, updatedAt: new Date(m.updated_at).toISOString() })),
    };
  },
});

const updateBridge = defineRoute({
  method: 'PATCH', url: '/api/v1/workspaces/:workspaceId/bridges/:bridgeId', operationId: 'updateBridge', tag: 'bridges', access: 'workspace_member',
  audit: 'bridge.update', summary: 'Pause or resume a bridge', params: bridgeParams, body: z.object({ enabled: z.boolean() }), response: bridgeSchema,
  async handler({ services, scope, body, audit }) {
    const bridge = await hubOf(services).bridges.setEnabled(scope.workspace!.id, scope.bridge!.id, body.enabled);
    if (!bridge) throw notFound('bridge');
    await audit({ target: `bridge:${bridge.id}`, diff: { enabled: body.enabled } });
    return toAnswer(bridge);
  },
});

const deleteBridge = defineRoute({
  method: 'DELETE', url: '/api/v1/workspaces/:workspaceId/bridges/:bridgeId', operationId: 'deleteBridge', tag: 'bridges', access: 'workspace_member',
  audit: 'bridge.delete', summary: 'Remove a bridge and its ledger; messages already crossed stay where they are', params: bridgeParams,
  response: z.object({ id: z.string(), deleted: z.literal(true) }),
  async handler({ services, scope, audit }) {
    if (!(await hubOf(services).bridges.remove(scope.workspace!.id, scope.bridge!.id))) throw notFound('bridge');
    await audit({ target: `bridge:${scope.bridge!.id}` });
    return { id: scope.bridge!.id, deleted: true as const };
  },
});

export const bridgeRoutes: AnyRouteSpec[] = [listBridges, createBridge, getBridge, updateBridge, deleteBridge];
