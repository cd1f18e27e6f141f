/** Workspaces: org admins create and rename them; members see their own. */
import { z } from 'zod';
import { withTransaction } from '../db.js';
import { cursorSchema, decodeCursor, limitSchema, pageOf } from '../paging.js';
import type { WorkspaceRow } from '../resolvers.js';
import { defineRoute, type AnyRouteSpec } from '../route-spec.js';
import { idSchema, pageSchema } from '../schemas/common.js';
import { principalSchema, workspaceBody, workspaceSchema } from '../schemas/tenancy.js';
import { toWorkspace } from './mappers.js';

const WS_COLUMNS = 'id, org_id, name, is_demo, created_at';
const wsParams = z.object({ workspaceId: idSchema });

const me = defineRoute({
  method: 'GET', url: '/api/v1/me', operationId: 'getMe', tag: 'orgs', access: 'workspace_member',
  summary: 'Who this API key is: its role, org and workspace',
  response: principalSchema,
  async handler({ principal }) {
    return principal;
  },
});

const listWorkspaces = defineRoute({
  method: 'GET', url: '/api/v1/workspaces', operationId: 'listWorkspaces', tag: 'workspaces', access: 'workspace_member',
  summary: 'Workspaces you can see: all (platform admin), your org\'s (org admin), your own (member)',
  query: z.object({ orgId: idSchema.optional(), limit: limitSchema, cursor: cursorSchema }),
  response: pageSchema(workspaceSchema),
  async handler({ deps, principal, query }) {
    const after = query.cursor ? String(decodeCursor(query.cursor, 1)[0]) : null;
    const org = principal.role === 'platform_admin' ? query.orgId ?? null : principal.orgId;
    const only = principal.role === 'workspace_member' ? principal.workspaceId : null;
    // A member or org admin without the ids their role implies sees nothing rather than everything.
    if (principal.role !== 'platform_admin' && !org) return { items: [], nextCursor: null };
    if (principal.role === 'workspace_member' && !only) return { items: [], nextCursor: null };
    const { rows } = await deps.pool.query<WorkspaceRow>(
      `select ${WS_COLUMNS} from workspaces where ($1::uuid is null or org_id = $1) and ($2::uuid is null or id = $2) and ($3::uuid is null or org_id = $3)
       and ($4::uuid is null or id > $4) order by id limit $5`,
      [org, only, query.orgId ?? null, after, query.limit + 1]);
    return pageOf(rows, query.limit, toWorkspace, (r) => [r.id]);
  },
});

const createWorkspace = defineRoute({
  method: 'POST', url: '/api/v1/orgs/:orgId/workspaces', operationId: 'createWorkspace', tag: 'workspaces', access: 'org_admin', audit: 'workspace.create', status: 201,
  summary: 'Create a workspace in the org',
  params: z.object({ orgId: idSchema }), body: workspaceBody, response: workspaceSchema,
  async handler({ services, scope, body, audit }) {
    return withTransaction(services.pool, async (client) => {
      const { rows } = await client.query<WorkspaceRow>(`insert into workspaces (org_id, name) values ($1, $2) returning ${WS_COLUMNS}`, [scope.org!.id, body.name]);
      const ws = rows[0]!;
      await audit({ target: `workspace:${ws.id}`, workspaceId: ws.id, diff: { name: body.name } }, client);
      return toWorkspace(ws);
    });
  },
});

const getWorkspace = defineRoute({
  method: 'GET', url: '/api/v1/workspaces/:workspaceId', operationId: 'getWorkspace', tag: 'workspaces', access: 'workspace_member',
  summary: 'One workspace', params: wsParams, response: workspaceSchema,
  async handler({ scope }) {
    return toWorkspace(scope.workspace!);
  },
});

const updateWorkspace = defineRoute({
  method: 'PATCH', url: '/api/v1/workspaces/:workspaceId', operationId: 'updateWorkspace', tag: 'workspaces', access: 'org_admin', audit: 'workspace.update',
  summary: 'Rename a workspace', params: wsParams, body: workspaceBody, response: workspaceSchema,
  async handler({ services, scope, body, audit }) {
    return withTransaction(services.pool, async (client) => {
      const { rows } = await client.query<WorkspaceRow>(`update workspaces set name = $2 where id = $1 returning ${WS_COLUMNS}`, [scope.workspace!.id, body.name]);
      await audit({ target: `workspace:${scope.workspace!.id}`, diff: { name: { from: scope.workspace!.name, to: body.name } } }, client);
      return toWorkspace(rows[0]!);
    });
  },
});

export const workspaceRoutes: AnyRouteSpec[] = [me, listWorkspaces, createWorkspace, getWorkspace, updateWorkspace];
