/**
 * Tenant resolution, in ONE place: every path parameter that names a tenant object is loaded
 * here, scoped by the tenant above it, before any body is read. Another tenant's object and a
 * missing one give the same 404 with the same message, so existence never leaks; only after
 * that does the role decide (403). A route whose URL names a parameter this file does not know
 * is refused at start-up.
 */
import type { Principal } from './api-keys.js';
import type { Queryable } from './db.js';
import { notFound } from './errors.js';

export interface OrgRow { id: string; name: string; domain_allowlist: string[]; created_at: Date }
export interface WorkspaceRow { id: string; org_id: string; name: string; is_demo: boolean; created_at: Date }
export interface ConnectionRow { id: string; workspace_id: string; connector_id: string; name: string; auth_method: string; status: string; config: Record<string, unknown> }
export interface StreamRow {
  id: string; workspace_id: string; connection_id: string; object: string; enabled: boolean; cron: string; cursor: unknown; mapping: unknown;
  full_sync_run_id: string | null; next_run_at: Date | null; last_full_sync_at: Date | null; lease_until: Date | null; created_at: Date;
}
export interface IdRow { id: string; workspace_id: string }
export interface MemberRow { id: string; org_id: string; workspace_id: string | null; email: string; role: string; created_at: Date }
export interface ApiKeyRow { id: string; org_id: string | null; workspace_id: string | null; member_id: string | null; name: string; role: string; prefix: string; created_at: Date; revoked_at: Date | null }

export interface Resolved {
  org?: OrgRow;
  workspace?: WorkspaceRow;
  connection?: ConnectionRow;
  stream?: StreamRow;
  run?: IdRow;
  deadLetter?: IdRow;
  load?: IdRow;
  member?: MemberRow;
  apiKey?: ApiKeyRow;
  automation?: AutomationRow;
  bridge?: IdRow;
}

export interface AutomationRow { id: string; org_id: string; name: string; trigger: Record<string, unknown>; connector_id: string; action_id: string; mapping: unknown; enabled: boolean; created_at: Date }

interface Resolver {
  /** What must already be resolved (it appears earlier in the URL). */
  needs: keyof Resolved | null;
  resolve(db: Queryable, principal: Principal | null, value: string, into: Resolved): Promise<void>;
}

async function one<T extends object>(db: Queryable, sql: string, values: unknown[], what: string): Promise<T> {
  const { rows } = await db.query(sql, values);
  if (!rows[0]) throw notFound(what);
  return rows[0] as T;
}

const RESOLVERS: Record<string, Resolver> = {
  orgId: {
    needs: null,
    async resolve(db, principal, value, into) {
      // Checked before the query: another org's id costs no lookup and answers like a missing one.
      if (principal?.role !== 'platform_admin' && principal?.orgId !== value) throw notFound('org');
      into.org = await one<OrgRow>(db, 'select id, name, domain_allowlist, created_at from orgs where id = $1', [value], 'org');
    },
  },
  workspaceId: {
    needs: null,
    async resolve(db, principal, value, into) {
      const ws = await one<WorkspaceRow>(db, 'select id, org_id, name, is_demo, created_at from workspaces where id = $1', [value], 'workspace');
      const allowed = principal?.role === 'platform_admin'
        || (principal?.role === 'org_admin' && principal.orgId === ws.org_id)
        || (principal?.role === 'workspace_member' && principal.workspaceId === ws.id);
      if (!allowed) throw notFound('workspace');
      into.workspace = ws;
    },
  },
  connectionId: {
    needs: 'workspace',
    async resolve(db, _principal, value, into) {
      into.connection = await one<ConnectionRow>(db,
        'select id, workspace_id, connector_id, name, auth_method, status, config from connections where id = $1 and workspace_id = $2',
        [value, into.workspace!.id], 'connection');
    },
  },
  object: {
    needs: 'connection',
    async resolve(db, _principal, value, into) {
      into.stream = await one<StreamRow>(db,
        `select id, workspace_id, connection_id, object, enabled, cron, cursor, mapping, full_sync_run_id, next_run_at, last_full_sync_at, lease_until, created_at
         from streams where connection_id = $1 and workspace_id = $2 and object = $3`,
        [into.connection!.id, into.workspace!.id, value], 'stream');
    },
  },
  runId: {
    needs: 'workspace',
    async resolve(db, _principal, value, into) {
      into.run = await one<IdRow>(db, 'select id, workspace_id from sync_runs where id = $1 and workspace_id = $2', [value, into.workspace!.id], 'run');
    },
  },
  deadLetterId: {
    needs: 'workspace',
    async resolve(db, _principal, value, into) {
      into.deadLetter = await one<IdRow>(db, 'select id, workspace_id from dead_letters where id = $1 and workspace_id = $2', [value, into.workspace!.id], 'dead letter');
    },
  },
  loadId: {
    needs: 'workspace',
    async resolve(db, _principal, value, into) {
      into.load = await one<IdRow>(db, 'select id, workspace_id from loads where id = $1 and workspace_id = $2', [value, into.workspace!.id], 'load');
    },
  },
  memberId: {
    needs: 'org',
    async resolve(db, _principal, value, into) {
      into.member = await one<MemberRow>(db, 'select id, org_id, workspace_id, email, role, created_at from members where id = $1 and org_id = $2', [value, into.org!.id], 'member');
    },
  },
  automationId: {
    needs: 'org',
    async resolve(db, _principal, value, into) {
      into.automation = await one<AutomationRow>(db,
        'select id, org_id, name, trigger, connector_id, action_id, mapping, enabled, created_at from automations where id = $1 and org_id = $2',
        [value, into.org!.id], 'automation');
    },
  },
  bridgeId: {
    needs: 'workspace',
    async resolve(db, _principal, value, into) {
      into.bridge = await one<IdRow>(db, 'select id, workspace_id from bridges where id = $1 and workspace_id = $2', [value, into.workspace!.id], 'bridge');
    },
  },
  keyId: {
    needs: 'org',
    async resolve(db, _principal, value, into) {
      into.apiKey = await one<ApiKeyRow>(db,
        'select id, org_id, workspace_id, member_id, name, role, prefix, created_at, revoked_at from api_keys where id = $1 and org_id = $2',
        [value, into.org!.id], 'API key');
    },
  },
};

/** Parameters that name no tenant object (a catalogue id, a record type). */
const PLAIN_PARAMS = new Set(['connectorId', 'type', 'actionId']);

const RESOLVED_BY: Record<string, keyof Resolved> = {
  orgId: 'org', workspaceId: 'workspace', connectionId: 'connection', object: 'stream', runId: 'run',
  deadLetterId: 'deadLetter', loadId: 'load', memberId: 'member', keyId: 'apiKey', automationId: 'automation', bridgeId: 'bridge',
};

export function paramNames(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
}

/** Refuses, at start-up, a URL whose parameters would escape tenant resolution. */
export function checkUrlParams(url: string): void {
  const seen = new Set<keyof Resolved>();
  for (const name of paramNames(url)) {
    if (PLAIN_PARAMS.has(name)) continue;
    const resolver = RESOLVERS[name];
    if (!resolver) throw new Error(`${url}: parameter :${name} has no tenant resolver (add one in resolvers.ts, or list it as plain)`);
    if (resolver.needs && !seen.has(resolver.needs)) throw new Error(`${url}: :${name} must come after the parameter that resolves its ${resolver.needs}`);
    seen.add(RESOLVED_BY[name]!);
  }
}

export async function resolveParams(db: Queryable, principal: Principal | null, url: string, params: Record<string, string>): Promise<Resolved> {
  const into: Resolved = {};
  for (const name of paramNames(url)) {
    const resolver = RESOLVERS[name];
    if (resolver) await resolver.resolve(db, principal, params[name]!, into);
  }
  return into;
}

/**
 * A tenant object named outside the path (a query filter), checked exactly like a path
 * parameter: another tenant's answers 404.
 */
export async function resolveTopLevel(db: Queryable, principal: Principal | null, name: 'orgId' | 'workspaceId', value: string): Promise<Resolved> {
  const into: Resolved = {};
  await RESOLVERS[name]!.resolve(db, principal, value, into);
  return into;
}

/** The org and workspace a route acts in, for its audit entry. */
export function tenantOf(resolved: Resolved): { orgId: string | null; workspaceId: string | null } {
  return { orgId: resolved.org?.id ?? resolved.workspace?.org_id ?? null, workspaceId: resolved.workspace?.id ?? null };
}
