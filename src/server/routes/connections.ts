/**
 * Connections: create from the connector's form, read (secrets write-only: `configured` only),
 * test, re-authorise, disable, enable and delete. The ConnectionService validates the forms
 * against the connector's field definitions; a missing secret is a 400 naming `credentials.<field>`.
 */
import pg from 'pg';
import { z } from 'zod';
import { ConnectionBusyError, type ConnectionView } from '../../connections/index.js';
import { createScrubber } from '../../core/index.js';
import { isVaultUnavailable } from '../../credentials/vault/index.js';
import { redactAll } from '../audit.js';
import { iso, withTransaction } from '../db.js';
import { ApiError, conflict, invalid } from '../errors.js';
import { cursorSchema, cursorAt, limitSchema, pageOf, timeKeyset } from '../paging.js';
import { defineRoute, type AnyRouteSpec, type ApiServices } from '../route-spec.js';
import { idSchema, pageSchema } from '../schemas/common.js';
import { connectionSchema, connectionStatusSchema, connectionTestSchema, createConnectionBody, reauthorizeBody } from '../schemas/connections.js';

export const wsParams = z.object({ workspaceId: idSchema });
export const connectionParams = z.object({ workspaceId: idSchema, connectionId: idSchema });

export const toConnection = (v: ConnectionView) => ({ ...v, status: v.status as z.infer<typeof connectionStatusSchema>, createdAt: iso(v.createdAt) });

async function view(services: ApiServices, workspaceId: string, id: string) {
  const found = await services.connections.get(workspaceId, id);
  if (!found) throw new Error(`connection ${id} vanished while being read`);
  return toConnection(found);
}

/** Every string of a submitted secret form, for scrubbing whatever is written about it. */
function secretValues(form: Record<string, unknown>): string[] {
  return Object.values(form).filter((v): v is string => typeof v === 'string');
}

const listConnections = defineRoute({
  method: 'GET', url: '/api/v1/workspaces/:workspaceId/connections', operationId: 'listConnections', tag: 'connections', access: 'workspace_member',
  summary: 'Connections of the workspace', params: wsParams,
  query: z.object({ connectorId: z.string().max(100).optional(), status: connectionStatusSchema.optional(), limit: limitSchema, cursor: cursorSchema }),
  response: pageSchema(connectionSchema),
  async handler({ services, scope, query }) {
    const keyset = timeKeyset(query.cursor, 5);
    const { rows } = await services.pool.query<{ id: string; cursor_at: string }>(
      `select id, ${cursorAt()} from connections where workspace_id = $1 and ($2::text is null or connector_id = $2) and ($3::text is null or status = $3)
       ${keyset.sql} order by created_at desc, id desc limit $4`,
      [scope.workspace!.id, query.connectorId ?? null, query.status ?? null, query.limit + 1, ...keyset.params]);
    const page = pageOf(rows, query.limit, (r) => r.id, (r) => [r.cursor_at, r.id]);
    return { items: await Promise.all(page.items.map((id) => view(services, scope.workspace!.id, id))), nextCursor: page.nextCursor };
  },
});

const createConnection = defineRoute({
  method: 'POST', url: '/api/v1/workspaces/:workspaceId/connections', operationId: 'createConnection', tag: 'connections', access: 'workspace_member',
  audit: 'connection.create', status: 201,
  summary: 'Connect a system: the config and credentials forms come from the catalogue entry',
  params: wsParams, body: createConnectionBody, response: connectionSchema,
  async handler({ deps, services, scope, body, audit }) {
    if (!deps.registry.has(body.connectorId)) throw invalid('connectorId', 'no such connector in the catalogue');
    const definition = deps.registry.get(body.connectorId);
    const created = await services.connections.create({
      workspaceId: scope.workspace!.id, connectorId: definition.id, name: body.name ?? definition.name,
      authMethodId: body.authMethod ?? definition.auth[0]!.id, config: body.config, secrets: body.credentials, sandboxBaseUrl: body.sandboxBaseUrl,
    });
    // The service commits the row and the encrypted secrets itself; the entry follows at once.
    await audit({
      target: `connection:${created.id}`, scrub: createScrubber(secretValues(body.credentials)),
      diff: { connectorId: created.connectorId, name: created.name, authMethod: created.authMethod, config: created.config, credentials: redactAll(body.credentials), sandbox: created.sandbox },
    });
    return toConnection(created);
  },
});

const getConnection = defineRoute({
  method: 'GET', url: '/api/v1/workspaces/:workspaceId/connections/:connectionId', operationId: 'getConnection', tag: 'connections', access: 'workspace_member',
  summary: 'One connection (secret fields show only `configured`)', params: connectionParams, response: connectionSchema,
  async handler({ services, scope }) {
    return view(services, scope.workspace!.id, scope.connection!.id);
  },
});

const testConnection = defineRoute({
  method: 'POST', url: '/api/v1/workspaces/:workspaceId/connections/:connectionId/test', operationId: 'testConnection', tag: 'connections',
  access: 'workspace_member', audit: 'connection.test',
  summary: 'Call the connector\'s own connection test with the stored credentials', params: connectionParams, response: connectionTestSchema,
  async handler({ services, scope, audit }) {
    const started = Date.now();
    let secrets: string[] = [];
    let outcome: { ok: boolean; message?: string };
    try {
      const built = await services.connections.contextFor(scope.connection!.id);
      secrets = built.secrets;
      const test = built.definition.testConnection as (ctx: typeof built.ctx) => Promise<{ ok: boolean; message?: string } | undefined>;
      const answer = await test(built.ctx);
      outcome = { ok: answer?.ok !== false, ...(answer?.message ? { message: answer.message } : {}) };
    } catch (error) {
      outcome = { ok: false, message: (error as Error)?.message ?? String(error) };
    }
    const scrub = createScrubber(secrets);
    const result = { ok: outcome.ok, ...(outcome.message !== undefined ? { message: scrub(outcome.message) } : {}), latencyMs: Date.now() - started };
    await audit({ target: `connection:${scope.connection!.id}`, diff: { ok: result.ok, message: result.message ?? null }, scrub });
    return result;
  },
});

const reauthorize = defineRoute({
  method: 'POST', url: '/api/v1/workspaces/:workspaceId/connections/:connectionId/reauthorize', operationId: 'reauthorizeConnection', tag: 'connections',
  access: 'workspace_member', audit: 'connection.reauthorize',
  summary: 'Replace the stored credentials; the connection becomes active again', params: connectionParams, body: reauthorizeBody, response: connectionSchema,
  async handler({ services, scope, body, audit }) {
    const updated = await services.connections.reauthorise(scope.workspace!.id, scope.connection!.id, body.credentials);
    await audit({
      target: `connection:${updated.id}`, scrub: createScrubber(secretValues(body.credentials)),
      diff: { credentials: redactAll(body.credentials), status: { from: scope.connection!.status, to: updated.status } },
    });
    return toConnection(updated);
  },
});

function statusRoute(to: 'disabled' | 'active', verb: 'disable' | 'enable') {
  return defineRoute({
    method: 'POST', url: `/api/v1/workspaces/:workspaceId/connections/:connectionId/${verb}`, operationId: `${verb}Connection`, tag: 'connections',
    access: 'workspace_member', audit: `connection.${verb}`,
    summary: verb === 'disable' ? 'Disable: no scheduled runs, no loads, until enabled' : 'Enable a disabled connection',
    params: connectionParams, response: connectionSchema,
    async handler({ services, scope, audit }) {
      await withTransaction(services.pool, async (client) => {
        await client.query(`update connections set status = $2, status_reason = null, updated_at = now() where id = $1`, [scope.connection!.id, to]);
        await audit({ target: `connection:${scope.connection!.id}`, diff: { status: { from: scope.connection!.status, to } } }, client);
      });
      return view(services, scope.workspace!.id, scope.connection!.id);
    },
  });
}

const deleteConnection = defineRoute({
  method: 'DELETE', url: '/api/v1/workspaces/:workspaceId/connections/:connectionId', operationId: 'deleteConnection', tag: 'connections',
  access: 'org_admin', audit: 'connection.delete', errors: [409, 503],
  summary: 'Delete a connection, its secrets, and what it owns (streams, runs, records, change log, dead letters, loads); the audit log keeps its history',
  description: 'Refused with 409 while a sync or a load runs, or while another object (a bridge) still uses the connection; with 503 when Vault holds the secrets and does not answer (nothing is deleted then).',
  params: connectionParams, response: z.object({ id: z.string(), deleted: z.literal(true) }),
  async handler({ services, scope, audit }) {
    const connection = scope.connection!;
    try {
      await services.connections.delete(scope.workspace!.id, connection.id, (client) => audit({
        target: `connection:${connection.id}`, diff: { connectorId: connection.connector_id, name: connection.name, status: connection.status, credentials: 'removed' },
      }, client));
    } catch (error) {
      if (error instanceof ConnectionBusyError) throw conflict('connection_busy', error.message);
      // A foreign key without cascade (a bridge naming this connection) refuses the delete.
      if (error instanceof pg.DatabaseError && error.code === '23503') throw conflict('connection_in_use', `the connection is still used by ${error.table ?? 'another object'}; remove that first`);
      if (isVaultUnavailable(error)) throw new ApiError(503, 'vault_unavailable', 'the credential vault does not answer; nothing was deleted, try again shortly');
      throw error;
    }
    return { id: connection.id, deleted: true as const };
  },
});

export const connectionRoutes: AnyRouteSpec[] = [
  listConnections, createConnection, getConnection, testConnection, reauthorize, statusRoute('disabled', 'disable'), statusRoute('active', 'enable'), deleteConnection,
];
