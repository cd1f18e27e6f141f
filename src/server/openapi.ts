/**
 * The OpenAPI 3.1 document, drawn from the route declarations: the same zod schemas validate
 * requests and answers and describe them here (`z.toJSONSchema`, JSON Schema 2020-12, which is
 * OpenAPI 3.1's schema dialect). Named schemas (`.meta({ id })`) become components.
 */
import { z } from 'zod';
import { errorSchema } from './schemas/common.js';
import type { AnyRouteSpec } from './route-spec.js';

type Json = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 400: 'Invalid input (the fields name each problem)', 401: 'No valid API key',
  403: 'Your role does not allow this', 404: 'Not found (also for objects of another tenant)', 409: 'Conflicts with the current state',
  422: 'Well-formed but refused', 502: 'The vendor refused', 503: 'Unavailable',
};

class SchemaBook {
  readonly components: Record<string, Json> = {};

  /** The JSON Schema of `schema`, its named parts moved to components and referenced. */
  convert(schema: z.ZodType, io: 'input' | 'output'): Json {
    const suffix = io === 'input' ? 'Input' : '';
    const raw = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
    const { $schema: _dialect, $defs, id: rootId, ...root } = raw as Json & { $defs?: Record<string, Json>; id?: string };
    const rename = (id: string) => `${id}${suffix}`;
    for (const [id, def] of Object.entries($defs ?? {})) this.components[rename(id)] = this.rewrite(def, rename) as Json;
    const named = typeof rootId === 'string' ? rootId : z.globalRegistry.get(schema)?.id;
    const body = this.rewrite(root, rename) as Json;
    // zod already answers a named root as a $ref into its $defs (lifted above): keep that.
    if (named && typeof body.$ref !== 'string') {
      this.components[rename(named)] = body;
      return { $ref: `#/components/schemas/${rename(named)}` };
    }
    return body;
  }

  private rewrite(value: unknown, rename: (id: string) => string): unknown {
    if (Array.isArray(value)) return value.map((v) => this.rewrite(v, rename));
    if (value && typeof value === 'object') {
      const out: Json = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/') ? `#/components/schemas/${rename(v.slice('#/$defs/'.length))}` : this.rewrite(v, rename);
      }
      return out;
    }
    return value;
  }
}

function parameters(book: SchemaBook, schema: z.ZodType | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const json = book.convert(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property as Json & { description?: string };
    return { name, in: where, required: where === 'path' || (json.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest };
  });
}

export function buildOpenApi(specs: AnyRouteSpec[], info: { title: string; version: string }): Json {
  const book = new SchemaBook();
  const errorRef = book.convert(errorSchema, 'output');
  const paths: Record<string, Record<string, Json>> = {};
  for (const spec of specs) {
    const path = spec.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const status = spec.status ?? 200;
    const responses: Record<string, Json> = {
      [status]: { description: STATUS_TEXT[status] ?? 'OK', content: { 'application/json': { schema: book.convert(spec.response, 'output') } } },
    };
    const errorCodes = new Set<number>(spec.errors ?? []);
    if (spec.params || spec.query || spec.body) errorCodes.add(400);
    if (spec.access !== 'public') { errorCodes.add(401); errorCodes.add(403); }
    if (spec.params && spec.access !== 'public') errorCodes.add(404);
    for (const code of [...errorCodes].sort()) responses[code] = { description: STATUS_TEXT[code] ?? 'Error', content: { 'application/json': { schema: errorRef } } };
    const operation: Json = {
      operationId: spec.operationId,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: [spec.tag],
      'x-forge-role': spec.access,
      ...(spec.audit ? { 'x-forge-audit': spec.audit } : {}),
      security: spec.access === 'public' ? [] : [{ apiKey: [] }],
      parameters: [...parameters(book, spec.params, 'path'), ...parameters(book, spec.query, 'query')],
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: book.convert(spec.body, 'input') } } } } : {}),
      responses,
    };
    (paths[path] ??= {})[spec.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: { ...info, description: 'The Forgeworks API. Every route but the catalogue, health and this document needs an API key.' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    tags: [...new Set(specs.map((s) => s.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: book.components,
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: `Authorization: Bearer fw_…`' } },
    },
  };
}
