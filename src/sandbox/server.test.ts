import { request as httpRequest, Agent } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { SandboxHttpError } from './http-error.js';
import { SandboxServer } from './server.js';
import type { SandboxRequest } from './types.js';

let server: SandboxServer;

afterEach(async () => {
  await server.stop();
});

async function started(setup: (s: SandboxServer) => void, options: Partial<ConstructorParameters<typeof SandboxServer>[0]> = {}): Promise<string> {
  server = new SandboxServer({ name: 'test', ...options });
  setup(server);
  return server.start();
}

describe('SandboxServer', () => {
  it('listens on loopback and answers a route with decoded params and query', async () => {
    let seen: SandboxRequest | undefined;
    const base = await started((s) =>
      s.route('GET', '/crm/v3/objects/:objectType/:id', (req) => {
        seen = req;
        return { status: 200, body: { type: req.params.objectType, id: req.params.id } };
      }),
    );
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${base}/crm/v3/objects/contacts/a%20b?properties=email&properties=name&limit=5`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ type: 'contacts', id: 'a b' });
    expect(seen?.query).toEqual({ properties: 'email', limit: '5' });
    expect(seen?.searchParams.getAll('properties')).toEqual(['email', 'name']);
    expect(seen?.baseUrl).toBe(base);
  });

  it('parses JSON and form bodies and keeps the raw bytes', async () => {
    const bodies: unknown[] = [];
    const base = await started((s) =>
      s.route('POST', '/echo', (req) => {
        bodies.push(req.body);
        return { status: 201, body: req.rawBody.toString('utf8') };
      }),
    );
    const json = await fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(await json.text()).toBe('{"a":1}');
    expect(json.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    await fetch(`${base}/echo`, { method: 'POST', body: new URLSearchParams('email=a%40b.c&expand[]=x&expand[]=y') });
    await fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b' });
    expect(bodies).toEqual([{ a: 1 }, { email: 'a@b.c', 'expand[]': ['x', 'y'] }, undefined]);
  });

  it('answers a malformed JSON body with the vendor invalidBody hook, without calling the handler', async () => {
    let called = false;
    const base = await started(
      (s) => s.route('POST', '/x', () => ((called = true), { status: 200 })),
      { invalidBody: (_req, problem) => ({ status: 422, body: { error: 'bad_json', detail: problem.contentType } }) },
    );
    const res = await fetch(`${base}/x`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: 'bad_json', detail: 'application/json' });
    expect(called).toBe(false);
  });

  it('answers an unknown route with the vendor notFound body', async () => {
    const base = await started(() => {}, { notFound: (req) => ({ status: 404, body: { status: 'error', message: `Unknown ${req.path}` } }) });
    const res = await fetch(`${base}/nowhere`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ status: 'error', message: 'Unknown /nowhere' });
  });

  it('answers a thrown SandboxHttpError with its status, body and headers', async () => {
    const base = await started((s) =>
      s.route('DELETE', '/v1/customers/:id', () => {
        throw new SandboxHttpError(404, { error: { type: 'invalid_request_error', code: 'resource_missing' } }, { 'request-id': 'req_1' });
      }),
    );
    const res = await fetch(`${base}/v1/customers/cus_x`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(res.headers.get('request-id')).toBe('req_1');
    expect(await res.json()).toEqual({ error: { type: 'invalid_request_error', code: 'resource_missing' } });
  });

  it('answers an unexpected handler error as 500 and records the message in the log', async () => {
    const base = await started((s) =>
      s.route('GET', '/boom', () => {
        throw new Error('handler bug');
      }),
    );
    const res = await fetch(`${base}/boom`);
    expect(res.status).toBe(500);
    expect(server.requestLog[0]).toMatchObject({ status: 500, error: 'handler bug' });
  });

  it('records method, path, query, lower-cased headers, body, status and clock time', async () => {
    const clock = { now: () => 1_700_000_000_000 };
    const base = await started((s) => s.route('PATCH', '/items/:id', async () => ({ status: 204 })), { clock });
    await fetch(`${base}/items/7?dryRun=true`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'X-Trace': 'abc' },
      body: JSON.stringify({ name: 'n' }),
    });
    expect(server.requestLog).toHaveLength(1);
    expect(server.requestLog[0]).toMatchObject({
      method: 'PATCH',
      path: '/items/7',
      url: '/items/7?dryRun=true',
      query: { dryRun: 'true' },
      body: { name: 'n' },
      status: 204,
      time: 1_700_000_000_000,
    });
    expect(server.requestLog[0]?.headers['x-trace']).toBe('abc');
    server.clearLog();
    expect(server.requestLog).toHaveLength(0);
  });

  it('routes several methods to one handler and serves string, bytes and custom content types', async () => {
    const base = await started((s) => {
      s.route(['GET', 'POST'], '/text', () => ({ status: 200, body: 'hi' }));
      s.route('GET', '/bytes', () => ({ status: 200, body: Buffer.from([1, 2, 3]) }));
      s.route('GET', '/xml', () => ({ status: 200, headers: { 'Content-Type': 'application/xml' }, body: '<a/>' }));
    });
    expect(await (await fetch(`${base}/text`, { method: 'POST' })).text()).toBe('hi');
    expect([...new Uint8Array(await (await fetch(`${base}/bytes`)).arrayBuffer())]).toEqual([1, 2, 3]);
    expect((await fetch(`${base}/xml`)).headers.get('content-type')).toBe('application/xml');
  });

  it('stop closes an idle keep-alive connection promptly', async () => {
    const base = await started((s) => s.route('GET', '/ok', () => ({ status: 200, body: { ok: true } })));
    const agent = new Agent({ keepAlive: true });
    // Wrapped in an object: resolving with a bare promise would wait for it to settle.
    const { socketClosed } = await new Promise<{ socketClosed: Promise<void> }>((resolve, reject) => {
      const req = httpRequest(`${base}/ok`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ socketClosed: new Promise<void>((closed) => req.socket?.once('close', () => closed())) }));
      });
      req.on('error', reject);
      req.end();
    });
    const began = Date.now();
    await server.stop();
    await socketClosed;
    expect(Date.now() - began).toBeLessThan(1000);
    agent.destroy();
  });

  it('refuses to start twice and reports its URL only while started', async () => {
    const base = await started(() => {});
    expect(server.url).toBe(base);
    await expect(server.start()).rejects.toThrow(/already started/);
    await server.stop();
    expect(() => server.url).toThrow(/not started/);
  });
});
