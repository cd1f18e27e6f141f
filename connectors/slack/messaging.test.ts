/**
 * The messaging contract against the Slack sandbox: post, thread reply, edit, delete (twice),
 * read back, with the bridge marker carried in message metadata.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorContext } from '../../src/registry/index.js';
import { startSlackSandbox, type SlackSandbox } from './sandbox/index.js';
import { slack, slackContext } from './test-context.js';

describe('Slack messaging operations', () => {
  let sandbox: SlackSandbox;
  let ctx: ConnectorContext;
  beforeAll(async () => {
    sandbox = await startSlackSandbox({ rateLimit: false });
    ctx = await slackContext(sandbox);
  });
  afterAll(async () => sandbox.stop());

  it('posts a message with the bridge marker in its metadata, and reads it back', async () => {
    const { id } = await slack.send(ctx, { channel: sandbox.channels.general, text: 'Hello from Teams', bridgeMarker: 'fw-123' }, { idempotencyKey: 'k1' });
    expect(id).toMatch(/^\d{10}\.\d{6}$/);
    const stored = sandbox.messages(sandbox.channels.general).find((m) => m.ts === id)!;
    expect(stored).toMatchObject({ text: 'Hello from Teams', bot_id: sandbox.botId, metadata: { event_type: 'forgeworks_bridged', event_payload: { marker: 'fw-123' } } });
    const fetched = await slack.fetch!(ctx, { channel: sandbox.channels.general, id });
    expect(fetched).toEqual({ channel: sandbox.channels.general, messageId: id, text: 'Hello from Teams', authorId: sandbox.botUserId, fromSelf: true, bridgeMarker: 'fw-123' });
  });

  it('replies in a thread and reads the reply back through its thread', async () => {
    const root = sandbox.postAsHuman(sandbox.channels.general, 'A question');
    const { id } = await slack.send(ctx, { channel: sandbox.channels.general, text: 'An answer', threadId: root }, { idempotencyKey: 'k2' });
    expect(sandbox.messages(sandbox.channels.general).find((m) => m.ts === id)).toMatchObject({ thread_ts: root });
    expect(sandbox.messages(sandbox.channels.general).find((m) => m.ts === root)).toMatchObject({ reply_count: 1, latest_reply: id });
    const reply = await slack.fetch!(ctx, { channel: sandbox.channels.general, id, threadId: root });
    expect(reply).toMatchObject({ messageId: id, threadId: root, text: 'An answer', fromSelf: true });
    const human = await slack.fetch!(ctx, { channel: sandbox.channels.general, id: root });
    expect(human).toMatchObject({ messageId: root, text: 'A question', authorId: sandbox.humanUserId, fromSelf: false });
  });

  it('edits a posted message, keeping the marker', async () => {
    const { id } = await slack.send(ctx, { channel: sandbox.channels.random, text: 'first', bridgeMarker: 'fw-9' }, { idempotencyKey: 'k3' });
    await slack.update!(ctx, { channel: sandbox.channels.random, id }, { text: 'second', bridgeMarker: 'fw-9' });
    const stored = sandbox.messages(sandbox.channels.random).find((m) => m.ts === id)!;
    expect(stored).toMatchObject({ text: 'second', edited: { user: sandbox.botUserId } });
    expect((await slack.fetch!(ctx, { channel: sandbox.channels.random, id }))?.bridgeMarker).toBe('fw-9');
  });

  it('deletes a message; deleting it again succeeds, and fetch answers null', async () => {
    const { id } = await slack.send(ctx, { channel: sandbox.channels.random, text: 'short-lived' }, { idempotencyKey: 'k4' });
    await slack.delete!(ctx, { channel: sandbox.channels.random, id });
    await slack.delete!(ctx, { channel: sandbox.channels.random, id });
    expect(sandbox.messages(sandbox.channels.random).some((m) => m.ts === id)).toBe(false);
    expect(await slack.fetch!(ctx, { channel: sandbox.channels.random, id })).toBeNull();
  });

  it('marks only this bot as fromSelf once botId is known, and any bot without it', async () => {
    const ts = sandbox.postAsHuman(sandbox.channels.general, 'by a person');
    const withoutId = await slackContext(sandbox, { config: {} });
    const { id } = await slack.send(withoutId, { channel: sandbox.channels.general, text: 'by the bot' }, { idempotencyKey: 'k5' });
    expect((await slack.fetch!(withoutId, { channel: sandbox.channels.general, id }))?.fromSelf).toBe(true);
    expect((await slack.fetch!(withoutId, { channel: sandbox.channels.general, id: ts }))?.fromSelf).toBe(false);
    const otherBot = await slackContext(sandbox, { config: { botId: 'B0OTHERBOT0' } });
    expect((await slack.fetch!(otherBot, { channel: sandbox.channels.general, id }))?.fromSelf).toBe(false);
  });

  it('passes testConnection and names the bot id', async () => {
    const { slackDefinition } = await import('./definition.js');
    const check = await (slackDefinition.testConnection as (c: ConnectorContext) => Promise<{ ok: boolean; message: string; botId?: string }>)(await slackContext(sandbox, { config: {} }));
    expect(check).toMatchObject({ ok: true, botId: sandbox.botId });
    expect(check.message).toContain(`Set the connection's Bot id to ${sandbox.botId}`);
  });
});
