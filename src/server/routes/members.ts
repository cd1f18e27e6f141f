/** Members of an org and the API keys that act for them (keys are shown once, stored hashed). */
import { z } from 'zod';
import { generateApiKey, hashApiKey, keyPrefix } from '../api-keys.js';
import { withTransaction, type Queryable } from '../db.js';
import { notFound } from '../errors.js';
import { cursorSchema, cursorAt, limitSchema, pageOf, timeKeyset } from '../paging.js';
import type { ApiKeyRow, MemberRow } from '../resolvers.js';
import { defineRoute, type AnyRouteSpec } from '../route-spec.js';
import { idSchema, pageSchema, queryBoolean } from '../schemas/common.js';
import { apiKeyBody, apiKeySchema, createdApiKeySchema, memberBody, memberSchema } from '../schemas/tenancy.js';
import { toApiKey, toMember } from './mappers.js';

const orgParams = z.object({ orgId: idSchema });
const MEMBER_COLUMNS = 'id, org_id, workspace_id, email, role, created_at';
const KEY_COLUMNS = 'id, org_id, workspace_id, member_id, name, role, prefix, created_at, revoked_at';

/** A workspace named in a body must be the org's own; another org's answers like a missing one. */
async function requireOrgWorkspace(db: Queryable, orgId: string, workspaceId: string | undefined): Promise<void> {
  if (!workspaceId) return;
  const { rowCount } = await db.query('select 1 from workspaces where id = $1 and org_id = $2', [workspaceId, orgId]);
  if (rowCount !== 1) throw notFound('workspace');
}

const listMembers = defineRoute({
  method: 'GET', url: '/api/v1/orgs/:orgId/members', operationId: 'listMembers', tag: 'members', access: 'org_admin',
  summary: 'Members of the org', params: orgParams,
  query: z.object({ limit: limitSchema, cursor: cursorSchema }),
  response: pageSchema(memberSchema),
  async handler({ deps, scope, query }) {
    const keyset = timeKeyset(query.cursor, 3);
    const { rows } = await deps.pool.query<MemberRow & { cursor_at: string }>(
      `select ${MEMBER_COLUMNS}, ${cursorAt()} from members where org_id = $1 ${keyset.sql} order by created_at desc, id desc limit $2`,
      [scope.org!.id, query.limit + 1, ...keyset.params]);
    return pageOf(rows, query.limit, toMember, (r) => [r.cursor_at, r.id]);
  },
});

const createMember = defineRoute({
  method: 'POST', url: '/api/v1/orgs/:orgId/members', operationId: 'createMember', tag: 'members', access: 'org_admin', audit: 'member.create', status: 201,
  summary: 'Add a member (an org admin, or a member of one workspace)', params: orgParams, body: memberBody, response: memberSchema,
  errors: [409],
  async handler({ services, scope, body, audit }) {
    return withTransaction(services.pool, async (client) => {
      await requireOrgWorkspace(client, scope.org!.id, body.workspaceId);
      const { rows } = await client.query<MemberRow>(
        `insert into members (org_id, workspace_id, email, role) values ($1, $2, lower($3), $4) returning ${MEMBER_COLUMNS}`,
        [scope.org!.id, body.workspaceId ?? null, body.email, body.role]);
      const member = rows[0]!;
      await audit({ target: `member:${member.id}`, workspaceId: member.workspace_id, diff: { email: member.email, role: member.role, workspaceId: member.workspace_id } }, client);
      return toMember(member);
    });
  },
});

const deleteMember = defineRoute({
  method: 'DELETE', url: '/api/v1/orgs/:orgId/members/:memberId', operationId: 'deleteMember', tag: 'members', access: 'org_admin', audit: 'member.delete',
  summary: 'Remove a member; their API keys are revoked in the same step',
  params: z.object({ orgId: idSchema, memberId: idSchema }),
  response: z.object({ member: memberSchema, revokedKeys: z.number().int() }),
  async handler({ services, scope, audit }) {
    const member = scope.member!;
    return withTransaction(services.pool, async (client) => {
      const revoked = await client.query('update api_keys set revoked_at = coalesce(revoked_at, now()), member_id = null where member_id = $1', [member.id]);
      await client.query('delete from members where id = $1', [member.id]);
      await audit({ target: `member:${member.id}`, workspaceId: member.workspace_id, diff: { email: member.email, role: member.role, revokedKeys: revoked.rowCount ?? 0 } }, client);
      return { member: toMember(member), revokedKeys: revoked.rowCount ?? 0 };
    });
  },
});

const listKeys = defineRoute({
  method: 'GET', url: '/api/v1/orgs/:orgId/api-keys', operationId: 'listApiKeys', tag: 'api-keys', access: 'org_admin',
  summary: 'API keys of the org (never the keys themselves)', params: orgParams,
  query: z.object({ includeRevoked: queryBoolean.optional(), limit: limitSchema, cursor: cursorSchema }),
  response: pageSchema(apiKeySchema),
  async handler({ deps, scope, query }) {
    const keyset = timeKeyset(query.cursor, 4);
    const { rows } = await deps.pool.query<ApiKeyRow & { cursor_at: string }>(
      `select ${KEY_COLUMNS}, ${cursorAt()} from api_keys where org_id = $1 and ($2 or revoked_at is null) ${keyset.sql}
       order by created_at desc, id desc limit $3`,
      [scope.org!.id, query.includeRevoked ?? false, query.limit + 1, ...keyset.params]);
    return pageOf(rows, query.limit, toApiKey, (r) => [r.cursor_at, r.id]);
  },
});

const createKey = defineRoute({
  method: 'POST', url: '/api/v1/orgs/:orgId/api-keys', operationId: 'createApiKey', tag: 'api-keys', access: 'org_admin', audit: 'api_key.create', status: 201,
  summary: 'Create an API key: the answer is the only time the key is shown',
  params: orgParams, body: apiKeyBody, response: createdApiKeySchema,
  async handler({ services, scope, body, audit }) {
    const key = generateApiKey();
    return withTransaction(services.pool, async (client) => {
      await requireOrgWorkspace(client, scope.org!.id, body.workspaceId);
      if (body.memberId) {
        const { rowCount } = await client.query('select 1 from members where id = $1 and org_id = $2', [body.memberId, scope.org!.id]);
        if (rowCount !== 1) throw notFound('member');
      }
      const { rows } = await client.query<ApiKeyRow>(
        `insert into api_keys (org_id, workspace_id, member_id, name, role, prefix, hash) values ($1, $2, $3, $4, $5, $6, $7) returning ${KEY_COLUMNS}`,
        [scope.org!.id, body.workspaceId ?? null, body.memberId ?? null, body.name, body.role, keyPrefix(key), hashApiKey(key)]);
      const row = rows[0]!;
      await audit({ target: `api_key:${row.id}`, workspaceId: row.workspace_id, diff: { name: row.name, role: row.role, prefix: row.prefix, workspaceId: row.workspace_id } }, client);
      return { ...toApiKey(row), key };
    });
  },
});

const revokeKey = defineRoute({
  method: 'DELETE', url: '/api/v1/orgs/:orgId/api-keys/:keyId', operationId: 'revokeApiKey', tag: 'api-keys', access: 'org_admin', audit: 'api_key.revoke',
  summary: 'Revoke an API key: it is refused from the next request on',
  params: z.object({ orgId: idSchema, keyId: idSchema }), response: apiKeySchema,
  async handler({ services, scope, audit }) {
    return withTransaction(services.pool, async (client) => {
      const { rows } = await client.query<ApiKeyRow>(
        `update api_keys set revoked_at = coalesce(revoked_at, now()) where id = $1 returning ${KEY_COLUMNS}`, [scope.apiKey!.id]);
      await audit({ target: `api_key:${scope.apiKey!.id}`, workspaceId: scope.apiKey!.workspace_id, diff: { name: scope.apiKey!.name, prefix: scope.apiKey!.prefix } }, client);
      return toApiKey(rows[0]!);
    });
  },
});

export const memberRoutes: AnyRouteSpec[] = [listMembers, createMember, deleteMember, listKeys, createKey, revokeKey];
