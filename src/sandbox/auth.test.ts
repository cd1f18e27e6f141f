import { afterEach, describe, expect, it } from 'vitest';
import { basicCredentials, bearerToken, headerValue } from './auth.js';
import { SandboxServer } from './server.js';

const req = (headers: Record<string, string>) => ({ headers });

describe('auth helpers', () => {
  it('reads a bearer token whatever the scheme case', () => {
    expect(bearerToken(req({ authorization: 'Bearer pat-na1-abc' }))).toBe('pat-na1-abc');
    expect(bearerToken(req({ authorization: 'bearer xyz' }))).toBe('xyz');
    expect(bearerToken(req({ authorization: 'Basic abc' }))).toBeUndefined();
    expect(bearerToken(req({}))).toBeUndefined();
  });

  it('decodes basic credentials and keeps colons inside the password', () => {
    const encoded = Buffer.from('agent@example.com/token:pa:ss').toString('base64');
    expect(basicCredentials(req({ authorization: `Basic ${encoded}` }))).toEqual({ username: 'agent@example.com/token', password: 'pa:ss' });
    expect(basicCredentials(req({ authorization: `Basic ${Buffer.from('nocolon').toString('base64')}` }))).toBeUndefined();
    expect(basicCredentials(req({ authorization: 'Bearer x' }))).toBeUndefined();
  });

  it('looks a header up case-insensitively', () => {
    expect(headerValue(req({ 'x-api-key': 'k' }), 'X-API-Key')).toBe('k');
  });
});

describe('auth hook', () => {
  let server: SandboxServer<{ token: string }>;
  afterEach(() => server.stop());

  async function start(): Promise<string> {
    server = new SandboxServer({
      name: 'hubspot-like',
      auth: (r) => {
        const token = bearerToken(r);
        return token === 'good'
          ? { ok: true, principal: { token } }
          : { ok: false, response: { status: 401, body: { status: 'error', category: 'INVALID_AUTHENTICATION', message: 'Authentication credentials not found.' } } };
      },
    });
    server.route('GET', '/me', (r) => ({ status: 200, body: { token: r.auth.token } }));
    server.route('POST', '/oauth/v1/token', { auth: false }, (r) => ({ status: 200, body: { principal: r.auth ?? null } }));
    return server.start();
  }

  it('answers 401 in the vendor body format and never calls the handler', async () => {
    const base = await start();
    const res = await fetch(`${base}/me`, { headers: { authorization: 'Bearer bad' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ status: 'error', category: 'INVALID_AUTHENTICATION', message: 'Authentication credentials not found.' });
    expect(server.requestLog[0]?.status).toBe(401);
  });

  it('hands the principal to the handler', async () => {
    const base = await start();
    const res = await fetch(`${base}/me`, { headers: { authorization: 'Bearer good' } });
    expect(await res.json()).toEqual({ token: 'good' });
  });

  it('lets a public route through without credentials', async () => {
    const base = await start();
    const res = await fetch(`${base}/oauth/v1/token`, { method: 'POST' });
    expect(await res.json()).toEqual({ principal: null });
  });

  it('answers 401 before admitting that a path does not exist', async () => {
    const base = await start();
    expect((await fetch(`${base}/nowhere`)).status).toBe(401);
    expect((await fetch(`${base}/nowhere`, { headers: { authorization: 'Bearer good' } })).status).toBe(404);
  });
});
