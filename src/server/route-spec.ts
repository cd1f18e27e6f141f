/**
 * A route is declared once: method, URL, role, zod schemas for params, query, body and answer,
 * and its audit action. From that one declaration come the request validation, the tenant and
 * role checks, the audit entry, the answer's shape (only declared fields leave the server) and
 * the OpenAPI document. Order of checks: authentication (hook) → path parameters → tenant (404)
 * → role (403) → query and body (400) → handler.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type PgBoss from 'pg-boss';
import type pg from 'pg';
import { z, ZodError } from 'zod';
import type { Hub } from '../hub/index.js';
import type { ConnectionService } from '../connections/index.js';
import type { LoadService } from '../load/index.js';
import type { KeySource } from '../credentials/master-key-source.js';
import type { CredentialBackend } from '../credentials/backend.js';
import type { HttpConnectorStore, WorkspaceSettings } from '../http-connectors/index.js';
import type { ConnectorRegistry } from '../registry/index.js';
import type { Principal, Role } from './api-keys.js';
import { writeAudit } from './audit.js';
import { requireRole } from './auth.js';
import type { Queryable } from './db.js';
import { ApiError } from './errors.js';
import { checkUrlParams, resolveParams, tenantOf, type Resolved } from './resolvers.js';

/** The runtime's services the API calls; absent in a bare server (catalogue and health only). */
export interface ApiServices {
  pool: pg.Pool;
  connections: ConnectionService;
  /** @default absent: the load routes answer 503 */
  loads?: LoadService;
  /** When present, runs and loads are queued; otherwise they run inline in the request. */
  boss?: PgBoss;
  /** The three tiers of admin-defined HTTP connectors; absent: those routes answer 503. */
  httpConnectors?: HttpConnectorStore;
  settings?: WorkspaceSettings;
  /** The platform's explicit sandbox egress policy (a JSON connector may then name a loopback sandbox). */
  allowSandbox?: boolean;
  /** The master keys (OAuth states keep their PKCE verifier encrypted); absent: OAuth routes answer 503. */
  keys?: KeySource;
  credentials?: CredentialBackend;
  /** The event hub (bridges); absent: the bridge routes answer 503. */
  hub?: Hub;
}

export interface RouteDeps {
  pool: pg.Pool;
  registry: ConnectorRegistry;
  ping(): Promise<void>;
  services?: ApiServices;
  /** Every declared route, in registration order: the OpenAPI document is drawn from it. */
  specs: AnyRouteSpec[];
}

export type Access = Role | 'public';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface AuditEntry {
  target: string | null;
  diff?: unknown;
  /** @default the org and workspace of the route's path */
  orgId?: string | null;
  workspaceId?: string | null;
  scrub?: (text: string) => string;
}

export interface RouteContext<P, Q, B> {
  request: FastifyRequest;
  reply: FastifyReply;
  params: P;
  query: Q;
  body: B;
  /** The caller; a public route has none and reading it throws 401. */
  readonly principal: Principal;
  /** The tenant objects named by the path, already checked against the caller. */
  scope: Resolved;
  deps: RouteDeps;
  /** The runtime services; 503 when the server was built without them. */
  readonly services: ApiServices;
  /** Writes the route's audit entry (its declared action), in `client`'s transaction when given. */
  audit(entry: AuditEntry, client?: Queryable): Promise<void>;
}

export interface RouteSpec<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined, R extends Schema = Schema> {
  method: HttpMethod;
  /** Fastify syntax (`/api/v1/workspaces/:workspaceId`); every parameter must be known to resolvers.ts. */
  url: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** The least role allowed; `public` needs no key. */
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** @default 200 */
  status?: number;
  /** Error statuses this route answers beyond the usual 400/401/403/404, for the document. */
  errors?: number[];
  /**
   * The audit action (`connection.create`). Required for every route that is not a GET, unless
   * `readOnly`; if the handler wrote no entry itself, one is written after it succeeds.
   */
  audit?: string;
  /** A POST that changes nothing (a preview): no audit entry. @default false */
  readOnly?: boolean;
  handler(ctx: RouteContext<Out<P>, Out<Q>, Out<B>>): Promise<z.input<R>>;
}

// Method syntax above makes `handler` bivariant, so every concrete spec fits this type.
export type AnyRouteSpec = RouteSpec<Schema | undefined, Schema | undefined, Schema | undefined, Schema>;

export function defineRoute<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined, R extends Schema = Schema>(
  spec: RouteSpec<P, Q, B, R>,
): RouteSpec<P, Q, B, R> {
  return spec;
}

/** A zod failure in one part of the request, with the part's name in front of each field. */
function parsePart<S extends Schema>(schema: S, value: unknown, part: 'params' | 'query' | 'body'): z.output<S> {
  const parsed = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (parsed.success) return parsed.data;
  const prefix = part === 'body' ? [] : [part];
  throw new ZodError(parsed.error.issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] })));
}

export function registerSpecs(app: FastifyInstance, deps: RouteDeps, specs: AnyRouteSpec[]): void {
  for (const spec of specs) {
    checkUrlParams(spec.url);
    if (spec.url.includes(':') && !spec.params) throw new Error(`${spec.method} ${spec.url} has path parameters but no params schema`);
    if (spec.method !== 'GET' && !spec.audit && !spec.readOnly && spec.access !== 'public') {
      throw new Error(`${spec.method} ${spec.url} changes state but declares no audit action`);
    }
    deps.specs.push(spec);
    app.route({
      method: spec.method,
      url: spec.url,
      config: { public: spec.access === 'public' },
      handler: async (request, reply) => {
        const principal = request.principal;
        const params = spec.params ? parsePart(spec.params, request.params, 'params') : undefined;
        const scope = spec.access === 'public' ? {} : await resolveParams(deps.pool, principal, spec.url, request.params as Record<string, string>);
        if (spec.access !== 'public') requireRole(request, spec.access);
        const query = spec.query ? parsePart(spec.query, request.query, 'query') : undefined;
        const body = spec.body ? parsePart(spec.body, request.body, 'body') : undefined;
        let audited = false;
        const ctx: RouteContext<unknown, unknown, unknown> = {
          request, reply, params, query, body, scope, deps,
          get principal(): Principal {
            if (!principal) throw new ApiError(401, 'unauthenticated', 'an API key is required');
            return principal;
          },
          get services(): ApiServices {
            if (!deps.services) throw new ApiError(503, 'unavailable', 'this server was started without the platform services');
            return deps.services;
          },
          async audit(entry, client) {
            if (!spec.audit) throw new Error(`${spec.operationId} declares no audit action`);
            const tenant = tenantOf(scope);
            await writeAudit(client ?? deps.pool, {
              principal: ctx.principal, action: spec.audit, target: entry.target, diff: entry.diff, scrub: entry.scrub,
              orgId: entry.orgId !== undefined ? entry.orgId : tenant.orgId,
              workspaceId: entry.workspaceId !== undefined ? entry.workspaceId : tenant.workspaceId,
            });
            audited = true;
          },
        };
        reply.code(spec.status ?? 200);
        const result = await spec.handler(ctx);
        if (spec.audit && !audited) await ctx.audit({ target: request.url.split('?')[0]! });
        const answer = spec.response.safeParse(result);
        // A handler answering outside its declared shape is our bug, never the caller's: 500.
        if (!answer.success) throw new Error(`${spec.operationId}: the answer does not match its schema: ${answer.error.message}`);
        return reply.send(answer.data);
      },
    });
  }
}
