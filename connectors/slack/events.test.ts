/**
 * The sandbox's Events API delivery through the connector's capture, end to end: the request
 * URL is verified with a challenge, every change (people's and the bot's own) is delivered signed,
 * failures are retried with Slack's retry headers, and duplicates keep their event_id.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CapturedMessageEvent } from '../../src/registry/index.js';
import { startSlackSandbox, type SlackSandbox } from './sandbox/index.js';
import { captureContext, slack, slackContext, startReceiver, type Receiver } from './test-context.js';

const events = (receiver: Receiver): CapturedMessageEvent[] => receiver.outcomes.flatMap((o) => (o.kind === 'events' ? o.events : []));

describe('Slack Events API delivery into capture', () => {
  let sandbox: SlackSandbox;
  let receiver: Receiver;
  beforeAll(async () => {
    sandbox = await startSlackSandbox({ rateLimit: false });
    receiver = await startReceiver((request) => slack.capture!(request, captureContext(sandbox)));
    await sandbox.setEventsUrl(receiver.url);
    sandbox.setDelivery({ retryDelaysMs: [10, 20, 30] });
  });
  afterEach(() => { receiver.outcomes.length = 0; receiver.requests.length = 0; sandbox.setDelivery({ duplicateRate: 0, delayMs: [0, 0], reorder: false }); });
  afterAll(async () => { await sandbox.stop(); await receiver.stop(); });

  it('verified the request URL with a url_verification challenge answered by capture', () => {
    expect(receiver.outcomes).toEqual([{ kind: 'reply', status: 200, contentType: 'text/plain', body: expect.any(String) }]);
    expect(JSON.parse(receiver.requests[0]!.rawBody)).toMatchObject({ type: 'url_verification', challenge: (receiver.outcomes[0] as { body: string }).body });
  });

  it('delivers a person\'s post, edit, reply and delete, in order', async () => {
    const channel = sandbox.channels.general;
    const root = sandbox.postAsHuman(channel, 'hello');
    await sandbox.idle();
    sandbox.editAsHuman(channel, root, 'hello, edited');
    await sandbox.idle();
    const reply = sandbox.postAsHuman(channel, 'a reply', { threadId: root });
    await sandbox.idle();
    sandbox.deleteAsHuman(channel, reply);
    await sandbox.idle();
    expect(events(receiver).map((e) => [e.type, e.messageId, e.text, e.threadId])).toEqual([
      ['posted', root, 'hello', undefined], ['edited', root, 'hello, edited', undefined], ['posted', reply, 'a reply', root], ['deleted', reply, undefined, root],
    ]);
    expect(events(receiver).every((e) => e.authorId === sandbox.humanUserId && e.fromSelf === false)).toBe(true);
  });

  it('delivers the bot\'s own post too, recognisable by its marker and bot id', async () => {
    const ctx = await slackContext(sandbox);
    const { id } = await slack.send(ctx, { channel: sandbox.channels.random, text: 'bridged', bridgeMarker: 'fw-42' }, { idempotencyKey: 'd1' });
    await sandbox.idle();
    expect(events(receiver)).toMatchObject([{ type: 'posted', messageId: id, bridgeMarker: 'fw-42', fromSelf: true, authorId: sandbox.botUserId }]);
  });

  it('retries a delivery the receiver failed, with X-Slack-Retry-Num and Reason, under the same event_id', async () => {
    receiver.failNext(2, 503);
    sandbox.postAsHuman(sandbox.channels.general, 'try again');
    await sandbox.idle();
    expect(receiver.requests.map((r) => [r.headers['x-slack-retry-num'], r.headers['x-slack-retry-reason']])).toEqual([[undefined, undefined], ['1', 'http_error'], ['2', 'http_error']]);
    const ids = receiver.requests.map((r) => (JSON.parse(r.rawBody) as { event_id: string }).event_id);
    expect(new Set(ids).size).toBe(1);
    expect(events(receiver)).toHaveLength(1);
  });

  it('stops retrying when the receiver answers X-Slack-No-Retry, and gives up after three retries', async () => {
    receiver.failNext(10, 500);
    sandbox.postAsHuman(sandbox.channels.general, 'never delivered');
    await sandbox.idle();
    expect(receiver.requests).toHaveLength(4);
    receiver.requests.length = 0;
    receiver.failNext(10, 500, { 'x-slack-no-retry': '1' });
    sandbox.postAsHuman(sandbox.channels.general, 'not retried');
    await sandbox.idle();
    expect(receiver.requests).toHaveLength(1);
    receiver.failNext(0, 500);
  });

  it('duplicates, delays and reorders deliveries on request, keeping each event_id', async () => {
    sandbox.setDelivery({ duplicateRate: 1, delayMs: [0, 30], reorder: true });
    const posted = [1, 2, 3, 4, 5].map((n) => sandbox.postAsHuman(sandbox.channels.random, `burst ${n}`));
    await sandbox.idle();
    const got = events(receiver);
    expect(got).toHaveLength(10);
    expect(new Set(got.map((e) => e.messageId))).toEqual(new Set(posted));
    expect(new Set(got.map((e) => e.eventId)).size).toBe(5);
  });

  it('refuses a URL that does not echo the challenge', async () => {
    const silent = await startReceiver(() => ({ kind: 'events', events: [] }));
    await expect(sandbox.setEventsUrl(silent.url)).rejects.toThrow(/challenge/);
    await silent.stop();
  });
});
