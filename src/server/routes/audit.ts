/**
 * The audit log, newest first, scoped by the caller: everything (platform admin), the org
 * (org admin), the workspace (member). An org or workspace filter outside that scope is a 404.
 */
import { z } from 'zod';
import { parseActor } from '../audit.js';
import { iso } from '../db.js';
import { notFound } from '../errors.js';
import { cursorSchema, decodeCursor, limitSchema, pageOf } from '../paging.js';
import { resolveTopLevel } from '../resolvers.js';
import { defineRoute, type AnyRouteSpec } from '../route-spec.js';
import { idSchema, pageSchema } from '../schemas/common.js';
import { auditEntrySchema } from '../schemas/tenancy.js';

interface AuditRow { id: string; org_id: string | null; workspace_id: string | null; actor: string; action: string; target: string | null; diff: unknown; at: Date }

const toEntry = (r: AuditRow) => ({
  id: Number(r.id), orgId: r.org_id, workspaceId: r.workspace_id, actor: parseActor(r.actor), action: r.action, target: r.target, diff: r.diff, at: iso(r.at),
});

const listAudit = defineRoute({
  method: 'GET', url: '/api/v1/audit', operationId: 'listAudit', tag: 'audit', access: 'workspace_member',
  summary: 'The audit log, newest first: all of it (platform admin), your org\'s (org admin), your workspace\'s (member)',
  query: z.object({
    orgId: idSchema.optional(),
    workspaceId: idSchema.optional(),
    action: z.string().max(100).optional().meta({ description: 'Only this action (`connection.create`), or a prefix ending in a dot (`connection.`).' }),
    limit: limitSchema,
    cursor: cursorSchema,
  }),
  response: pageSchema(auditEntrySchema),
  async handler({ deps, principal, query }) {
    let orgId = query.orgId ?? null;
    let workspaceId = query.workspaceId ?? null;
    if (orgId) await resolveTopLevel(deps.pool, principal, 'orgId', orgId);
    if (workspaceId) {
      const ws = (await resolveTopLevel(deps.pool, principal, 'workspaceId', workspaceId)).workspace!;
      if (orgId && ws.org_id !== orgId) throw notFound('workspace');
    }
    if (principal.role === 'org_admin') orgId = principal.orgId;
    if (principal.role === 'workspace_member') { orgId = principal.orgId; workspaceId = principal.workspaceId; }
    // A key whose role implies a tenant it does not carry sees nothing rather than everything.
    if (principal.role !== 'platform_admin' && !orgId && !workspaceId) return { items: [], nextCursor: null };
    const before = query.cursor ? Number(decodeCursor(query.cursor, 1)[0]) : null;
    const escaped = query.action?.replace(/[\\%_]/g, '\\$&');
    const action = query.action?.endsWith('.') ? `${escaped}%` : escaped;
    const { rows } = await deps.pool.query<AuditRow>(
      `select id, org_id, workspace_id, actor, action, target, diff, at from audit_log
       where ($1::uuid is null or org_id = $1) and ($2::uuid is null or workspace_id = $2) and ($3::text is null or action like $3)
         and ($4::bigint is null or id < $4)
       order by id desc limit $5`,
      [orgId, workspaceId, action ?? null, before, query.limit + 1]);
    return pageOf(rows, query.limit, toEntry, (r) => [Number(r.id)]);
  },
});

export const auditRoutes: AnyRouteSpec[] = [listAudit];
