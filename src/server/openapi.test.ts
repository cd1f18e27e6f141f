import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness, type Body } from './testing/harness.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

describe('the OpenAPI document', () => {
  let h: ApiHarness;
  let doc: Body;
  beforeAll(async () => {
    h = await startApiHarness();
    const answer = await h.call(null, 'GET', '/api/v1/openapi.json');
    expect(answer.status).toBe(200);
    doc = answer.body;
  });
  afterAll(async () => h?.close());

  it('lists every route Fastify serves, with the method and role it is served with', () => {
    // Every API route, the platform's /admin routes and /health; the console's static files (`/`, `/*`) are no part of the API.
    const served = h.app.routeTable.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS' && (r.url.startsWith('/api/') || r.url.startsWith('/admin/') || r.url === '/health'));
    expect(served.length).toBeGreaterThan(40);
    // The three tiers of JSON connectors are served and listed: 7 platform, 11 org and workspace routes.
    expect(served.filter((r) => r.url.startsWith('/admin/connector')).length).toBe(7);
    expect(served.filter((r) => /\/automations|\/automation-runs|\/settings\/connector/.test(r.url)).length).toBe(11);
    for (const route of served) {
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const operation = doc.paths[path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.url} is missing from the document`).toBeDefined();
      expect(operation.security, route.url).toEqual(route.public ? [] : [{ apiKey: [] }]);
    }
    const documented = Object.values(doc.paths).reduce((n: number, item) => n + Object.keys(item as object).length, 0);
    expect(documented).toBe(served.length);
  });

  it('is structurally OpenAPI 3.1: info, paths, operations with ids and responses, declared parameters, resolvable refs', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    const operationIds = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Body>>)) {
      expect(path.startsWith('/'), path).toBe(true);
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const [method, operation] of Object.entries(item)) {
        expect(METHODS, `${path} ${method}`).toContain(method);
        expect(operation.operationId, path).toMatch(/^[a-zA-Z]+$/);
        expect(operationIds.has(operation.operationId), `duplicate operationId ${operation.operationId}`).toBe(false);
        operationIds.add(operation.operationId);
        const pathParams = operation.parameters.filter((p: Body) => p.in === 'path');
        expect(pathParams.map((p: Body) => p.name).sort(), `${method} ${path}`).toEqual([...templated].sort());
        for (const p of operation.parameters) {
          expect(['path', 'query'], p.name).toContain(p.in);
          expect(p.schema, `${path} ${p.name}`).toBeTypeOf('object');
          if (p.in === 'path') expect(p.required).toBe(true);
        }
        const codes = Object.keys(operation.responses);
        expect(codes.some((c) => /^2\d\d$/.test(c)), `${method} ${path} has a success response`).toBe(true);
        for (const [code, response] of Object.entries(operation.responses as Record<string, Body>)) {
          expect(code).toMatch(/^[1-5]\d\d$/);
          expect(response.description, `${path} ${code}`).toEqual(expect.any(String));
          expect(response.content['application/json'].schema, `${path} ${code}`).toBeTypeOf('object');
        }
        if (operation.requestBody) expect(operation.requestBody.content['application/json'].schema).toBeTypeOf('object');
      }
    }
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of new Set(refs)) {
      const target = /"#\/components\/schemas\/([^"]+)"/.exec(ref)?.[1];
      expect(target, `${ref} points into components`).toBeDefined();
      expect(doc.components.schemas[target!], ref).toBeDefined();
    }
  });

  it('describes requests and answers with schemas that compile as JSON Schema 2020-12', () => {
    const ajv = new Ajv2020.default({ strict: false, validateFormats: false });
    ajv.addSchema({ $id: 'doc', components: doc.components }, 'doc');
    const schemas: Body[] = [];
    for (const item of Object.values(doc.paths as Record<string, Record<string, Body>>)) {
      for (const operation of Object.values(item)) {
        for (const response of Object.values(operation.responses as Record<string, Body>)) schemas.push(response.content['application/json'].schema);
        if (operation.requestBody) schemas.push(operation.requestBody.content['application/json'].schema);
        for (const p of operation.parameters) schemas.push(p.schema);
      }
    }
    for (const schema of schemas) {
      const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/'));
      expect(() => ajv.compile(rebased)).not.toThrow();
    }
    for (const name of ['Connection', 'Run', 'Load', 'LoadReport', 'Error', 'ApiKey', 'CreatedApiKey', 'AuditEntry', 'DeadLetter']) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
  });

  it('validates what the API answers: a real answer matches its documented schema', async () => {
    const ajv = new Ajv2020.default({ strict: false });
    ajv.addSchema({ $id: 'doc', components: doc.components }, 'doc');
    const created = await h.call(h.a.memberKey, 'POST', `/api/v1/workspaces/${h.a.workspaceId}/connections`, { connectorId: 'fake', config: { subdomain: 'x' }, credentials: { apiKey: 'k-123' } });
    const operation = doc.paths['/api/v1/workspaces/{workspaceId}/connections'].post;
    const validate = ajv.compile(JSON.parse(JSON.stringify(operation.responses['201'].content['application/json'].schema).replaceAll('"#/components/', '"doc#/components/')));
    expect(validate(created.body), JSON.stringify(validate.errors)).toBe(true);
    const secret = operation.requestBody.content['application/json'].schema;
    expect(JSON.stringify(secret)).toContain('"writeOnly":true');
  });

  it('refuses to start with a mutation route that declares no audit action, or a parameter tenancy does not know', async () => {
    const { registerSpecs } = await import('./route-spec.js');
    const { z } = await import('zod');
    const deps = { pool: h.database.pool, registry: {} as never, ping: async () => {}, specs: [] };
    const base = { operationId: 'x', summary: 'x', tag: 'x', response: z.object({}), handler: async () => ({}) };
    expect(() => registerSpecs(h.app, deps, [{ ...base, method: 'POST', url: '/api/v1/things', access: 'workspace_member' }])).toThrow(/declares no audit action/);
    expect(() => registerSpecs(h.app, deps, [{ ...base, method: 'GET', url: '/api/v1/things/:thingId', access: 'workspace_member', params: z.object({ thingId: z.string() }) }]))
      .toThrow(/no tenant resolver/);
  });
});
