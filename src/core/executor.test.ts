import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { json, startScriptedServer, type ScriptedServer } from '../../test/support/http-server.js';
import { BreakerRegistry } from './breaker.js';
import { ConnectorError } from './errors.js';
import { createHttpExecutor } from './executor.js';
import type { ExecutorOptions } from './executor-options.js';
import type { RequestAuthorizer } from './http-types.js';

const CANARY = 'canary-SECRET-7f3a9b2c';
const bearer: RequestAuthorizer = {
  type: 'bearer',
  async authorize(req) { req.headers.authorization = `Bearer ${CANARY}`; },
  secrets: () => [CANARY],
};

let server: ScriptedServer | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

function executor(overrides: Partial<ExecutorOptions> = {}) {
  return createHttpExecutor({
    connectorId: 'acme', connectionKey: `conn-${Math.random()}`, baseUrl: server!.url,
    egress: { allowedDomains: ['api.acme.test'], allowLoopback: true }, auth: bearer,
    retry: { baseDelayMs: 10, maxDelayMs: 50 }, breakers: new BreakerRegistry(), ...overrides,
  });
}

describe('HttpExecutor', () => {
  it('answers the envelope for a success, with the parsed body', async () => {
    server = await startScriptedServer((_req, res) => json(res, 200, { id: 7 }));
    const res = await executor().request({ url: '/things/7' });
    expect(res).toMatchObject({ ok: true, status: 200, body: { id: 7 }, error: null, attempts: 1 });
    expect(res.latencyMs).toBeGreaterThanOrEqual(0);
    expect(server.seen[0]!.headers.authorization).toBe(`Bearer ${CANARY}`);
  });

  it('retries a 429 no sooner than Retry-After: 2 seconds later', async () => {
    server = await startScriptedServer((_req, res, i) => (i === 0 ? json(res, 429, { message: 'slow down' }, { 'retry-after': '2' }) : json(res, 200, { ok: true })));
    const res = await executor().request({ url: '/x' });
    expect(res.ok).toBe(true);
    expect(res.attempts).toBe(2);
    expect(server.seen[1]!.at - server.seen[0]!.at).toBeGreaterThanOrEqual(2000);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    server = await startScriptedServer((_req, res, i) => (i === 0
      ? json(res, 503, {}, { 'retry-after': new Date(Date.now() + 1500).toUTCString() })
      : json(res, 200, {})));
    const res = await executor().request({ url: '/x' });
    expect(res.ok).toBe(true);
    // HTTP dates have one-second resolution: the wait is at least the whole seconds left.
    expect(server.seen[1]!.at - server.seen[0]!.at).toBeGreaterThanOrEqual(500);
  });

  it('honours a declared vendor reset header in epoch seconds', async () => {
    server = await startScriptedServer((_req, res, i) => (i === 0
      ? json(res, 429, {}, { 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1) })
      : json(res, 200, {})));
    const res = await executor({ resetHeader: { name: 'X-RateLimit-Reset', unit: 'epoch_seconds' } }).request({ url: '/x' });
    expect(res.ok).toBe(true);
    expect(server.seen[1]!.at - server.seen[0]!.at).toBeGreaterThanOrEqual(300);
  });

  it('sends a 401 exactly once and classifies it as permanent', async () => {
    server = await startScriptedServer((_req, res) => json(res, 401, { message: 'bad token' }));
    const res = await executor().request({ url: '/x' });
    expect(server.seen).toHaveLength(1);
    expect(res.ok).toBe(false);
    expect(res.error?.kind).toBe('permanent');
    expect(res.status).toBe(401);
  });

  it('keeps the kind of an error the auth strategy raises (a refused grant is permanent, not retried)', async () => {
    server = await startScriptedServer((_req, res) => json(res, 200, {}));
    let grants = 0;
    const refusing: RequestAuthorizer = {
      type: 'jwt', secrets: () => [],
      async authorize() { grants++; throw new ConnectorError('the grant was refused (invalid_grant)', { kind: 'permanent', status: 400, code: 'invalid_grant' }); },
    };
    const res = await executor({ auth: refusing }).request({ url: '/x' });
    expect(res.error).toMatchObject({ kind: 'permanent', code: 'invalid_grant' });
    expect(grants).toBe(1);
    expect(server.seen).toHaveLength(0);
  });

  it('refuses a strategy that moves the call to a host outside the allow-list, before anything is sent', async () => {
    server = await startScriptedServer((_req, res) => json(res, 200, {}));
    const moving: RequestAuthorizer = {
      type: 'api_key', secrets: () => [],
      async authorize(req) { req.url = new URL('https://elsewhere.example.org/steal'); },
    };
    const res = await executor({ auth: moving }).request({ url: '/x' });
    expect(res.error).toMatchObject({ kind: 'permanent', code: 'egress_refused' });
    expect(res.error?.message).toContain('elsewhere.example.org');
    expect(server.seen).toHaveLength(0);
  });

  it('drops the strategy\'s cached token after a 401', async () => {
    server = await startScriptedServer((_req, res) => json(res, 401, {}));
    let invalidated = 0;
    await executor({ auth: { ...bearer, invalidate: () => { invalidated++; } } }).request({ url: '/x' });
    expect(invalidated).toBe(1);
  });

  it('returns a 422 as validation naming the fields from the vendor body', async () => {
    server = await startScriptedServer((_req, res) => json(res, 422, { errors: [{ field: 'email', message: 'is invalid' }, { field: 'name', message: 'is required' }] }));
    const res = await executor({
      errorParser: ({ body }) => ({ fields: (body as { errors: Array<{ field: string; message: string }> }).errors, message: 'invalid record' }),
    }).request({ method: 'POST', url: '/x', json: {} });
    expect(server.seen).toHaveLength(1);
    expect(res.error?.kind).toBe('validation');
    expect(res.error?.fields.map((f) => f.field)).toEqual(['email', 'name']);
    expect(res.error?.message).toContain('email');
  });

  it('opens the breaker after consecutive transient failures and half-opens after the cool-down', async () => {
    let healthy = false;
    server = await startScriptedServer((_req, res) => (healthy ? json(res, 200, {}) : json(res, 503, {})));
    const ex = executor({ breaker: { threshold: 3, halfOpenAfterMs: 300 }, retry: { maxAttempts: 1 } });
    for (let i = 0; i < 3; i++) expect((await ex.request({ url: '/x' })).status).toBe(503);
    const open = await ex.request({ url: '/x' });
    expect(open.error?.code).toBe('circuit_open');
    expect(server.seen).toHaveLength(3);
    healthy = true;
    await new Promise((r) => setTimeout(r, 350));
    const probe = await ex.request({ url: '/x' });
    expect(probe.ok).toBe(true);
    expect(server.seen).toHaveLength(4);
  });

  it('cuts a hung server at the timeout and classifies it transient', async () => {
    server = await startScriptedServer(() => { /* never answers */ });
    const started = Date.now();
    const res = await executor({ timeoutMs: 300 }).request({ url: '/x', retry: false });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.error).toMatchObject({ kind: 'transient', code: 'timeout' });
    expect(res.status).toBe(0);
  });

  it('does not replay a POST after a timeout unless it carries an idempotency key', async () => {
    server = await startScriptedServer(() => { /* never answers */ });
    await executor({ timeoutMs: 150 }).request({ method: 'POST', url: '/x', json: { a: 1 } });
    expect(server.seen).toHaveLength(1);
    await executor({ timeoutMs: 150, retry: { maxAttempts: 3, baseDelayMs: 1 } }).request({ method: 'POST', url: '/x', json: { a: 1 }, idempotencyKey: 'k-1' });
    expect(server.seen).toHaveLength(4);
    expect(server.seen[3]!.headers['idempotency-key']).toBe('k-1');
  });

  it('never lets a secret reach an error message, even when the vendor echoes it', async () => {
    server = await startScriptedServer((req, res) => json(res, 400, { message: `bad request with ${req.headers.authorization} and key=${CANARY}` }));
    const res = await executor({ errorParser: ({ body }) => ({ message: (body as { message: string }).message }) }).request({ url: '/x' });
    expect(res.error?.message).toContain('[REDACTED]');
    expect(JSON.stringify(res.error)).not.toContain(CANARY);
    expect(res.error?.message).not.toContain(CANARY);
  });

  it('names the fields when a success body does not match the declared schema', async () => {
    server = await startScriptedServer((_req, res) => json(res, 200, { results: 'nope' }));
    const res = await executor().request({ url: '/x', schema: z.object({ results: z.array(z.unknown()) }) });
    expect(res.error).toMatchObject({ kind: 'permanent', code: 'unexpected_response' });
    expect(res.error?.fields[0]?.field).toBe('results');
  });

  it('refuses a redirect to a private address', async () => {
    server = await startScriptedServer((_req, res) => { res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }); res.end(); });
    const res = await executor().request({ url: '/x' });
    expect(res.ok).toBe(false);
    expect(res.error?.kind).toBe('permanent');
    expect(server.seen).toHaveLength(1);
  });

  it('never carries credentials across a redirect to another origin', async () => {
    const other = await startScriptedServer((_req, res) => json(res, 200, { landed: true }));
    try {
      server = await startScriptedServer((_req, res) => { res.writeHead(302, { location: `${other.url}/elsewhere` }); res.end(); });
      const res = await executor().request({ url: '/x' });
      expect(res.body).toEqual({ landed: true });
      expect(server.seen[0]!.headers.authorization).toBe(`Bearer ${CANARY}`);
      expect(other.seen[0]!.headers.authorization).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('refuses a host outside allowedDomains before any request is made', async () => {
    server = await startScriptedServer((_req, res) => json(res, 200, {}));
    const res = await executor().request({ url: 'https://evil.example.com/steal' });
    expect(res.error?.code).toBe('egress_refused');
    expect(server.seen).toHaveLength(0);
  });

  it('retries a connection reset and gets every answer through', async () => {
    server = await startScriptedServer((req, res, i) => (i % 2 === 0 ? req.headers && res.socket?.destroy() : json(res, 200, { i })));
    const res = await executor().request({ url: '/x' });
    expect(res.ok).toBe(true);
    expect(res.attempts).toBe(2);
  });
});
