/**
 * The HTTP server: API under /api/v1, admin routes, the console's static files, one port.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { Logger } from '../core/index.js';
import type { Db } from '../db/index.js';
import type { ConnectorRegistry } from '../registry/index.js';
import { registerAuth } from './auth.js';
import { ApiError, errorHandler } from './errors.js';
import { registerSpecs, type AnyRouteSpec, type ApiServices, type HttpMethod, type RouteDeps } from './route-spec.js';
import { apiRoutes } from './routes/index.js';

export type { ApiServices } from './route-spec.js';

export interface ServerDeps {
  db: Db;
  registry: ConnectorRegistry;
  logger: Logger;
  /** Checks the database answers; /health reports 503 when it does not. */
  ping(): Promise<void>;
  /** The runtime's services (connections, loads, queue). @default absent: tenant routes answer 503 */
  services?: ApiServices;
}

export type RouteModule = (app: FastifyInstance) => void | Promise<void>;

export interface RouteTableEntry {
  method: HttpMethod | 'HEAD' | 'OPTIONS';
  url: string;
  public: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, as Fastify saw it: the tenancy and OpenAPI tests walk this. */
    routeTable: RouteTableEntry[];
    /** Every route declared with a spec (what the OpenAPI document describes). */
    routeSpecs: AnyRouteSpec[];
  }
}

export async function buildServer(deps: ServerDeps, extraRoutes: RouteModule[] = []): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as unknown as FastifyBaseLogger,
    bodyLimit: 20 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  });
  const routeTable: RouteTableEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      routeTable.push({ method: method as RouteTableEntry['method'], url: route.url, public: Boolean((route.config as { public?: boolean } | undefined)?.public) });
    }
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` } });
  });
  registerAuth(app, deps.db);
  const routeDeps: RouteDeps = {
    get pool(): pg.Pool {
      if (!deps.services) throw new ApiError(503, 'unavailable', 'this server was started without the platform services');
      return deps.services.pool;
    },
    registry: deps.registry, ping: deps.ping, services: deps.services, specs: [],
  };
  app.decorate('routeSpecs', routeDeps.specs);
  await app.register(async (scope) => registerSpecs(scope, routeDeps, apiRoutes));
  for (const routes of extraRoutes) await app.register(async (scope) => routes(scope));
  return app;
}
