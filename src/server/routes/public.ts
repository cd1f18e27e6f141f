/** Routes without tenant data: health, the connector catalogue, the API description. */
import { z } from 'zod';
import { buildOpenApi } from '../openapi.js';
import { defineRoute, type AnyRouteSpec } from '../route-spec.js';
import { catalogueEntrySchema } from '../schemas/catalogue.js';
import { notFound } from '../errors.js';

const health = defineRoute({
  method: 'GET', url: '/health', operationId: 'getHealth', tag: 'platform', access: 'public',
  summary: 'Liveness and database reachability (503 when the database does not answer)',
  response: z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['ok', 'unreachable']) }),
  errors: [503],
  async handler({ deps, reply }) {
    try {
      await deps.ping();
      return { status: 'ok' as const, database: 'ok' as const };
    } catch {
      reply.code(503);
      return { status: 'degraded' as const, database: 'unreachable' as const };
    }
  },
});

/** The catalogue is public: it holds no tenant data, and the console draws its forms from it. */
const listConnectors = defineRoute({
  method: 'GET', url: '/api/v1/connectors', operationId: 'listConnectors', tag: 'catalogue', access: 'public',
  summary: 'The connector catalogue, with the JSON Schemas of every form',
  query: z.object({ q: z.string().max(200).optional(), category: z.string().max(50).optional() }),
  response: z.object({ connectors: z.array(catalogueEntrySchema) }),
  async handler({ deps, query }) {
    const needle = query.q?.toLowerCase();
    const connectors = deps.registry.catalogue().filter((c) =>
      (!query.category || c.category === query.category) && (!needle || c.name.toLowerCase().includes(needle) || c.id.includes(needle) || c.description.toLowerCase().includes(needle)));
    return { connectors };
  },
});

const getConnector = defineRoute({
  method: 'GET', url: '/api/v1/connectors/:connectorId', operationId: 'getConnector', tag: 'catalogue', access: 'public',
  summary: 'One connector of the catalogue',
  params: z.object({ connectorId: z.string().max(100) }),
  response: catalogueEntrySchema,
  errors: [404],
  async handler({ deps, params }) {
    const entry = deps.registry.catalogue().find((c) => c.id === params.connectorId);
    if (!entry) throw notFound('connector');
    return entry;
  },
});

/** Per server (its spec list), rebuilt only if routes were added since. */
const documents = new WeakMap<object, { specs: number; document: Record<string, unknown> }>();

const openapi = defineRoute({
  method: 'GET', url: '/api/v1/openapi.json', operationId: 'getOpenApi', tag: 'platform', access: 'public',
  summary: 'This API as an OpenAPI 3.1 document',
  response: z.record(z.string(), z.unknown()),
  async handler({ deps }) {
    let cached = documents.get(deps.specs);
    if (cached?.specs !== deps.specs.length) {
      cached = { specs: deps.specs.length, document: buildOpenApi(deps.specs, { title: 'Forgeworks API', version: '1.0.0' }) };
      documents.set(deps.specs, cached);
    }
    return cached.document;
  },
});

export const publicRoutes: AnyRouteSpec[] = [health, listConnectors, getConnector, openapi];
