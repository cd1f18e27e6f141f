/**
 * Graph's error body into the platform's taxonomy, parsed and on the wire: not found, a property
 * named in a 400, throttling with Retry-After, an expired or revoked token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGraphError } from './errors.js';
import { startTeamsSandbox, type TeamsSandbox } from './sandbox/index.js';
import { teams, teamsContext } from './test-context.js';

const graph = (status: number, code: string, message: string) => ({
  status, headers: { 'request-id': 'hdr-id' }, body: { error: { code, message, innerError: { date: '2025-01-15T12:00:00', 'request-id': 'a1b2c3', 'client-request-id': 'a1b2c3' } } },
});

describe('Graph error bodies', () => {
  it('keeps the code, the message and the request id', () => {
    expect(parseGraphError(graph(404, 'NotFound', 'Message not found.'))).toEqual({ code: 'NotFound', message: 'NotFound: Message not found. (request-id a1b2c3)', fields: [] });
  });

  it('names the property a 400 is about', () => {
    expect(parseGraphError(graph(400, 'BadRequest', "Missing or empty required property 'body.content'."))!.fields).toEqual([{ field: 'body.content', message: "Missing or empty required property 'body.content'." }]);
    expect(parseGraphError(graph(400, 'BadRequest', 'lifecycleNotificationUrl is a required property for subscription creation on this resource when the expirationDateTime value is set to greater than 1 hour.'))!.fields).toMatchObject([{ field: 'expirationDateTime' }]);
  });

  it('leaves bodies that are not Graph errors alone', () => {
    expect(parseGraphError({ status: 502, headers: {}, body: '<html>Bad gateway</html>' })).toBeUndefined();
  });
});

describe('Graph errors on the wire', () => {
  let sandbox: TeamsSandbox;
  beforeAll(async () => { sandbox = await startTeamsSandbox(); });
  afterAll(async () => sandbox.stop());

  it('answers an unknown team as not_found and empty text as validation naming body.content', async () => {
    const ctx = await teamsContext(sandbox);
    const channelId = sandbox.channels.general.split('/')[1];
    await expect(teams.send(ctx, { channel: `00000000-0000-4000-a000-000000000000/${channelId}`, text: 'x' }, { idempotencyKey: 'e1' })).rejects.toMatchObject({ kind: 'not_found', status: 404, code: 'NotFound' });
    await expect(teams.send(ctx, { channel: sandbox.channels.general, text: '   ' }, { idempotencyKey: 'e2' })).rejects.toMatchObject({ kind: 'validation', fields: [{ field: 'body.content' }] });
    expect(await teams.fetch!(ctx, { channel: sandbox.channels.general, id: '1000000000000' })).toBeNull();
  });

  it('waits out a 429 with Retry-After and posts once', async () => {
    const ctx = await teamsContext(sandbox);
    await teams.fetch!(ctx, { channel: sandbox.channels.general, id: '1' });
    sandbox.server.faults.add({ kind: 'status', status: 429, times: 1, retryAfterSeconds: 1, body: { error: { code: 'TooManyRequests', message: 'Too many requests.' } }, match: (req) => req.method === 'POST' && req.path.endsWith('/messages') });
    const started = Date.now();
    const { id } = await teams.send(ctx, { channel: sandbox.channels.general, text: 'after the wait' }, { idempotencyKey: 'e3' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(sandbox.messages(sandbox.channels.general).filter((m) => m.id === id)).toHaveLength(1);
    sandbox.server.faults.clear();
  });

  it('fails once with a revoked token, permanently, and the next call gets a new token', async () => {
    const ctx = await teamsContext(sandbox);
    await teams.send(ctx, { channel: sandbox.channels.general, text: 'first' }, { idempotencyKey: 'e4' });
    sandbox.revokeTokens();
    await expect(teams.send(ctx, { channel: sandbox.channels.general, text: 'second' }, { idempotencyKey: 'e5' })).rejects.toMatchObject({ kind: 'permanent', status: 401, code: 'InvalidAuthenticationToken' });
    await expect(teams.send(ctx, { channel: sandbox.channels.general, text: 'third' }, { idempotencyKey: 'e6' })).resolves.toMatchObject({ id: expect.any(String) });
  });

  it('throttles per app when the sandbox\'s limit is on', async () => {
    const limited = await startTeamsSandbox({ rateLimit: { limit: 2, windowMs: 60_000 } });
    const ctx = await teamsContext(limited);
    await teams.fetch!(ctx, { channel: limited.channels.general, id: '1' });
    await teams.fetch!(ctx, { channel: limited.channels.general, id: '2' });
    const response = await ctx.http.request({ url: '/v1.0/subscriptions', retry: false });
    expect(response).toMatchObject({ status: 429, headers: { 'retry-after': expect.stringMatching(/^\d+$/) }, error: { kind: 'transient', code: 'TooManyRequests' } });
    await limited.stop();
  });
});
