/**
 * The HTTP server: API under /api/v1, admin routes, the console's static files, one port.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../core/index.js';
import type { Db } from '../db/index.js';
import type { ConnectorRegistry } from '../registry/index.js';
import { registerAuth } from './auth.js';
import { errorHandler } from './errors.js';
import { healthRoutes } from './routes/health.js';
import { connectorRoutes } from './routes/connectors.js';

export interface ServerDeps {
  db: Db;
  registry: ConnectorRegistry;
  logger: Logger;
  /** Checks the database answers; /health reports 503 when it does not. */
  ping(): Promise<void>;
}

export type RouteModule = (app: FastifyInstance) => void | Promise<void>;

export async function buildServer(deps: ServerDeps, extraRoutes: RouteModule[] = []): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as unknown as FastifyBaseLogger,
    bodyLimit: 20 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` } });
  });
  registerAuth(app, deps.db);
  await app.register(healthRoutes(deps));
  await app.register(connectorRoutes(deps));
  for (const routes of extraRoutes) await app.register(async (scope) => routes(scope));
  return app;
}
