/** Orgs (platform admins create them) and their Settings → Integrations allowlist. */
import { z } from 'zod';
import { compilePolicy } from '../../core/index.js';
import { withTransaction } from '../db.js';
import { cursorSchema, decodeCursor, limitSchema, pageOf } from '../paging.js';
import type { OrgRow } from '../resolvers.js';
import { defineRoute, type AnyRouteSpec } from '../route-spec.js';
import { idSchema, pageSchema } from '../schemas/common.js';
import { orgBody, orgSchema } from '../schemas/tenancy.js';
import { toOrg } from './mappers.js';

const orgParams = z.object({ orgId: idSchema });
const ORG_COLUMNS = 'id, name, domain_allowlist, created_at';

const listOrgs = defineRoute({
  method: 'GET', url: '/api/v1/orgs', operationId: 'listOrgs', tag: 'orgs', access: 'org_admin',
  summary: 'Orgs you administer: every org for a platform admin, your own for an org admin',
  query: z.object({ limit: limitSchema, cursor: cursorSchema }),
  response: pageSchema(orgSchema),
  async handler({ deps, principal, query }) {
    const after = query.cursor ? String(decodeCursor(query.cursor, 1)[0]) : null;
    const { rows } = await deps.pool.query<OrgRow>(
      `select ${ORG_COLUMNS} from orgs where ($1::uuid is null or id = $1) and ($2::uuid is null or id > $2) order by id limit $3`,
      [principal.role === 'platform_admin' ? null : principal.orgId, after, query.limit + 1]);
    return pageOf(rows, query.limit, toOrg, (r) => [r.id]);
  },
});

const createOrg = defineRoute({
  method: 'POST', url: '/api/v1/orgs', operationId: 'createOrg', tag: 'orgs', access: 'platform_admin', audit: 'org.create', status: 201,
  summary: 'Create an org',
  body: orgBody,
  response: orgSchema,
  async handler({ services, body, audit }) {
    return withTransaction(services.pool, async (client) => {
      const { rows } = await client.query<OrgRow>(`insert into orgs (name) values ($1) returning ${ORG_COLUMNS}`, [body.name]);
      const org = rows[0]!;
      await audit({ target: `org:${org.id}`, orgId: org.id, diff: { name: body.name } }, client);
      return toOrg(org);
    });
  },
});

const getOrg = defineRoute({
  method: 'GET', url: '/api/v1/orgs/:orgId', operationId: 'getOrg', tag: 'orgs', access: 'org_admin',
  summary: 'One org', params: orgParams, response: orgSchema,
  async handler({ scope }) {
    return toOrg(scope.org!);
  },
});

const updateOrg = defineRoute({
  method: 'PATCH', url: '/api/v1/orgs/:orgId', operationId: 'updateOrg', tag: 'orgs', access: 'org_admin', audit: 'org.update',
  summary: 'Rename an org', params: orgParams, body: orgBody, response: orgSchema,
  async handler({ services, scope, body, audit }) {
    return withTransaction(services.pool, async (client) => {
      const { rows } = await client.query<OrgRow>(`update orgs set name = $2 where id = $1 returning ${ORG_COLUMNS}`, [scope.org!.id, body.name]);
      await audit({ target: `org:${scope.org!.id}`, diff: { name: { from: scope.org!.name, to: body.name } } }, client);
      return toOrg(rows[0]!);
    });
  },
});

/** Host patterns as connector definitions declare them: a host, or `*.` plus a registrable domain. */
const HOST_PATTERN = /^(\*\.)?([a-z0-9-]+\.)+[a-z0-9-]+$/;

const hostPattern = z.string().trim().toLowerCase().max(253)
  .regex(HOST_PATTERN, 'must be a host name, optionally starting with "*." (no scheme, port, path or bare "*")')
  .superRefine((pattern, ctx) => {
    if (!HOST_PATTERN.test(pattern)) return; // the regex above already said why
    if (/^\*\.[a-z0-9-]+$/.test(pattern)) { ctx.addIssue({ code: 'custom', message: 'a wildcard must name at least a registrable domain (not *.com)' }); return; }
    // The egress guard compiles these patterns at call time; refuse here what it would refuse there.
    try { compilePolicy({ allowedDomains: [pattern] }); } catch (error) { ctx.addIssue({ code: 'custom', message: (error as Error).message }); }
  });

const allowlistBody = z.strictObject({
  domains: z.array(hostPattern).max(200).meta({ description: 'Host patterns (`api.example.com`, `*.example.com`); empty removes the restriction.' }),
});

const putAllowlist = defineRoute({
  method: 'PUT', url: '/api/v1/orgs/:orgId/allowlist', operationId: 'putOrgAllowlist', tag: 'orgs', access: 'org_admin', audit: 'org.allowlist.update',
  summary: 'Replace the org\'s domain allowlist (Settings → Integrations)',
  description: 'Every connector call of this org must match one of these patterns as well as the connector\'s own allowedDomains.',
  params: orgParams, body: allowlistBody, response: orgSchema,
  async handler({ services, scope, body, audit }) {
    const domains = [...new Set(body.domains)];
    return withTransaction(services.pool, async (client) => {
      const { rows } = await client.query<OrgRow>(`update orgs set domain_allowlist = $2 where id = $1 returning ${ORG_COLUMNS}`, [scope.org!.id, JSON.stringify(domains)]);
      await audit({ target: `org:${scope.org!.id}`, diff: { domainAllowlist: { from: scope.org!.domain_allowlist, to: domains } } }, client);
      return toOrg(rows[0]!);
    });
  },
});

export const orgRoutes: AnyRouteSpec[] = [listOrgs, createOrg, getOrg, updateOrg, putAllowlist];
