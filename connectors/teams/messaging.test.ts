/**
 * The messaging contract against the Teams sandbox, app-only and delegated: post, reply, edit,
 * soft-delete (twice), read back; plus the token endpoint reached through the platform's
 * client-credentials strategy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionCheck, ConnectorContext } from '../../src/registry/index.js';
import { teamsDefinition } from './definition.js';
import { startTeamsSandbox, type TeamsSandbox } from './sandbox/index.js';
import { teams, teamsContext } from './test-context.js';

describe('Teams messaging operations (app-only)', () => {
  let sandbox: TeamsSandbox;
  let ctx: ConnectorContext;
  beforeAll(async () => {
    sandbox = await startTeamsSandbox();
    ctx = await teamsContext(sandbox);
  });
  afterAll(async () => sandbox.stop());

  it('gets a token from the tenant\'s token endpoint and posts as the app', async () => {
    const { id } = await teams.send(ctx, { channel: sandbox.channels.general, text: 'Hello from Slack' }, { idempotencyKey: 't1' });
    expect(id).toMatch(/^\d{13}$/);
    const token = sandbox.server.requestLog.find((r) => r.path.endsWith('/oauth2/v2.0/token'))!;
    expect(token.path).toBe(`/${sandbox.tenantId}/oauth2/v2.0/token`);
    expect(token.body).toMatchObject({ grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default', client_id: sandbox.clientId });
    expect(sandbox.messages(sandbox.channels.general).at(-1)).toMatchObject({ id, body: { contentType: 'text', content: 'Hello from Slack' }, from: { application: { id: sandbox.clientId } } });
    expect(await teams.fetch!(ctx, { channel: sandbox.channels.general, id })).toEqual({ channel: sandbox.channels.general, messageId: id, text: 'Hello from Slack', authorId: sandbox.clientId, fromSelf: true });
  });

  it('replies under a root, naming the reply "{root}/{reply}", and reads it back', async () => {
    const root = sandbox.postAsHuman(sandbox.channels.general, 'Question & answer?');
    const { id } = await teams.send(ctx, { channel: sandbox.channels.general, text: 'An answer', threadId: root }, { idempotencyKey: 't2' });
    expect(id).toMatch(new RegExp(`^${root}/\\d{13}$`));
    expect(await teams.fetch!(ctx, { channel: sandbox.channels.general, id })).toMatchObject({ messageId: id, threadId: root, text: 'An answer', fromSelf: true });
    expect(await teams.fetch!(ctx, { channel: sandbox.channels.general, id: id.split('/')[1]!, threadId: root })).toMatchObject({ messageId: id });
    expect(await teams.fetch!(ctx, { channel: sandbox.channels.general, id: root })).toMatchObject({ text: 'Question & answer?', authorId: sandbox.humanUserId, fromSelf: false });
  });

  it('edits a root message and a reply', async () => {
    const { id: root } = await teams.send(ctx, { channel: sandbox.channels.random, text: 'v1' }, { idempotencyKey: 't3' });
    const { id: reply } = await teams.send(ctx, { channel: sandbox.channels.random, text: 'r1', threadId: root }, { idempotencyKey: 't4' });
    await teams.update!(ctx, { channel: sandbox.channels.random, id: root }, { text: 'v2' });
    await teams.update!(ctx, { channel: sandbox.channels.random, id: reply }, { text: 'r2' });
    expect(sandbox.messages(sandbox.channels.random).map((m) => [m.body.content, m.lastEditedDateTime !== null])).toEqual([['v2', true], ['r2', true]]);
  });

  it('soft-deletes a message and a reply; again is success; fetch answers null', async () => {
    const { id: root } = await teams.send(ctx, { channel: sandbox.channels.random, text: 'gone soon' }, { idempotencyKey: 't5' });
    const { id: reply } = await teams.send(ctx, { channel: sandbox.channels.random, text: 'me too', threadId: root }, { idempotencyKey: 't6' });
    for (const id of [reply, reply, root, root]) await teams.delete!(ctx, { channel: sandbox.channels.random, id });
    expect(await teams.fetch!(ctx, { channel: sandbox.channels.random, id: root })).toBeNull();
    expect(await teams.fetch!(ctx, { channel: sandbox.channels.random, id: reply })).toBeNull();
    expect(sandbox.messages(sandbox.channels.random).find((m) => m.id === root)!.deletedDateTime).not.toBeNull();
    await teams.delete!(ctx, { channel: sandbox.channels.random, id: '1234567890123' });
  });

  it('refuses a channel that is not "{team}/{channel}" before any request', async () => {
    await expect(teams.send(ctx, { channel: 'general', text: 'x' }, { idempotencyKey: 't7' })).rejects.toMatchObject({ kind: 'validation', fields: [{ field: 'channel' }] });
  });

  it('passes testConnection, and fails it with a wrong secret naming Entra\'s error', async () => {
    const test = teamsDefinition.testConnection as (c: ConnectorContext) => Promise<ConnectionCheck>;
    expect(await test(ctx)).toMatchObject({ ok: true });
    const wrong = await test(await teamsContext(sandbox, { secrets: { clientSecret: 'not-the-secret' } }));
    expect(wrong.ok).toBe(false);
    expect(wrong.message).toContain('invalid_client');
    expect(wrong.message).not.toContain('not-the-secret');
  });
});

describe('Teams messaging operations (delegated, and Graph\'s documented app-only limits)', () => {
  let sandbox: TeamsSandbox;
  beforeAll(async () => { sandbox = await startTeamsSandbox({ permissions: 'documented' }); });
  afterAll(async () => sandbox.stop());

  it('refuses app-only posting as Graph does (migration only), as a permanent error', async () => {
    const ctx = await teamsContext(sandbox);
    const error = await teams.send(ctx, { channel: sandbox.channels.general, text: 'x' }, { idempotencyKey: 'd1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'permanent', status: 401, code: 'Unauthorized' });
    expect((error as Error).message).toContain('only for import purposes');
  });

  it('posts, edits and deletes as the signed-in user', async () => {
    const ctx = await teamsContext(sandbox, { method: 'delegated' });
    const { id } = await teams.send(ctx, { channel: sandbox.channels.general, text: 'as a user' }, { idempotencyKey: 'd2' });
    expect(sandbox.messages(sandbox.channels.general).at(-1)).toMatchObject({ id, from: { user: { id: sandbox.userId } } });
    await teams.update!(ctx, { channel: sandbox.channels.general, id }, { text: 'edited' });
    const fetched = await teams.fetch!(ctx, { channel: sandbox.channels.general, id });
    expect(fetched).toMatchObject({ text: 'edited', authorId: sandbox.userId, fromSelf: false });
    await teams.delete!(ctx, { channel: sandbox.channels.general, id });
    expect(await teams.fetch!(ctx, { channel: sandbox.channels.general, id })).toBeNull();
  });

  it('refuses editing someone else\'s message', async () => {
    const ctx = await teamsContext(sandbox, { method: 'delegated' });
    const theirs = sandbox.postAsHuman(sandbox.channels.general, 'mine');
    await expect(teams.update!(ctx, { channel: sandbox.channels.general, id: theirs }, { text: 'yours' })).rejects.toMatchObject({ kind: 'permanent', status: 403, code: 'Forbidden' });
  });
});
