/**
 * The Postmark sandbox against Postmark's documented rules for `POST /email` (no published API
 * description is in ../shared/specs for Postmark).
 */
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addresses, emailProblem, startPostmarkSandbox, type PostmarkSandbox } from './sandbox/index.js';

describe('the Postmark sandbox follows the Email API rules', () => {
  let sandbox: PostmarkSandbox;
  const post = async (body: unknown, token = sandbox.serverToken) => {
    const res = await fetch(`${sandbox.baseUrl}/email`, { method: 'POST', headers: { 'x-postmark-server-token': token, 'content-type': 'application/json', accept: 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => { sandbox = await startPostmarkSandbox({ requestsPerSecond: 20 }); });
  afterAll(async () => sandbox.stop());

  it('reads names and addresses as Postmark does', () => {
    expect(addresses('a@x.com, "Ada L" <ada@y.com>, B <b@z.io>')).toEqual(['a@x.com', 'ada@y.com', 'b@z.io']);
    expect(emailProblem({ From: 'a@x.com', To: 'b@y.com', Subject: 's' })).toBe('Provide either email TextBody or HtmlBody or both.');
    expect(emailProblem({ From: 'a@x.com', TextBody: 't' })).toBe('Zero recipients specified');
    expect(emailProblem({ From: 'nope', To: 'b@y.com', TextBody: 't' })).toBe("Invalid 'From' address: 'nope'.");
    expect(emailProblem({ From: 'a@x.com', To: 'b@y.com', Cc: 'c@', TextBody: 't' })).toBe("Invalid 'Cc' address: 'c@'.");
  });

  it('answers a sent email as Postmark does', async () => {
    const res = await post({ From: 'alerts@forgeworks.example', To: 'b@example.com', Subject: 's', TextBody: 't' });
    expect(res).toEqual({ status: 200, body: { To: 'b@example.com', SubmittedAt: expect.any(String), MessageID: expect.stringMatching(/^[0-9a-f-]{36}$/), ErrorCode: 0, Message: 'OK' } });
  });

  it('refuses with 422 and an ErrorCode, and bad JSON with 402', async () => {
    expect(await post({ From: 'alerts@forgeworks.example', To: 'b@example.com', Subject: 's' })).toEqual({ status: 422, body: { ErrorCode: 300, Message: 'Provide either email TextBody or HtmlBody or both.' } });
    expect(await post('{"From": ')).toEqual({ status: 422, body: { ErrorCode: 402, Message: 'Received invalid JSON input.' } });
  });

  it('refuses a missing or wrong token with 401 and ErrorCode 10', async () => {
    const missing = await fetch(`${sandbox.baseUrl}/email`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { ErrorCode: number }).ErrorCode).toBe(10);
    expect((await post({}, 'not-the-token')).body).toMatchObject({ ErrorCode: 10, Message: expect.stringContaining('X-Postmark-Server-Token') });
  });

  it('throttles with 429 and ErrorCode 429', async () => {
    const limited = await startPostmarkSandbox({ requestsPerSecond: 1 });
    try {
      const get = () => fetch(`${limited.baseUrl}/server`, { headers: { 'x-postmark-server-token': limited.serverToken } });
      expect((await get()).status).toBe(200);
      const refused = await get();
      expect(refused.status).toBe(429);
      expect(await refused.json()).toEqual({ ErrorCode: 429, Message: 'Rate limit exceeded.' });
    } finally {
      await limited.stop();
    }
  });
});

describe('forge sandbox postmark', () => {
  it('starts through the definition\'s sandbox factory and stops', async () => {
    const factory = (await import('./definition.js')).postmarkDefinition.sandbox as SandboxFactory;
    const running = await factory({ port: 0 });
    try {
      expect(running.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(Object.values(running.credentials).every((v) => v.length > 0)).toBe(true);
    } finally {
      await running.stop();
    }
  });
});
