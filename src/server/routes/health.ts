import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../app.js';

export function healthRoutes(deps: ServerDeps) {
  return async (app: FastifyInstance) => {
    app.get('/health', { config: { public: true } }, async (_request, reply) => {
      try {
        await deps.ping();
        return { status: 'ok', database: 'ok' };
      } catch {
        return reply.status(503).send({ status: 'degraded', database: 'unreachable' });
      }
    });
  };
}
