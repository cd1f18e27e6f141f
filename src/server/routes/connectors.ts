import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../app.js';
import { notFound } from '../errors.js';

/** The catalogue is public: it holds no tenant data, and the console draws its forms from it. */
export function connectorRoutes(deps: ServerDeps) {
  return async (app: FastifyInstance) => {
    app.get('/api/v1/connectors', { config: { public: true } }, async (request) => {
      const { q, category } = request.query as { q?: string; category?: string };
      const needle = q?.toLowerCase();
      const connectors = deps.registry.catalogue().filter((c) =>
        (!category || c.category === category) && (!needle || c.name.toLowerCase().includes(needle) || c.id.includes(needle) || c.description.toLowerCase().includes(needle)));
      return { connectors };
    });
    app.get('/api/v1/connectors/:id', { config: { public: true } }, async (request) => {
      const { id } = request.params as { id: string };
      const entry = deps.registry.catalogue().find((c) => c.id === id);
      if (!entry) throw notFound(`connector ${id}`);
      return entry;
    });
  };
}
