/**
 * SDK fidelity: Slack's own Node client (@slack/web-api), pointed at the sandbox with
 * `slackApiUrl`, works as it does against slack.com: form-encoded calls with JSON-encoded
 * metadata, Slack's error objects, its rate-limit handling.
 */
import { ErrorCode, LogLevel, WebClient, type WebAPIPlatformError, type WebAPIRateLimitedError } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATELIMITED_BODY, startSlackSandbox, type SlackSandbox } from './sandbox/index.js';

describe('@slack/web-api against the Slack sandbox', () => {
  let sandbox: SlackSandbox;
  let web: WebClient;
  const client = (token: string) => new WebClient(token, { slackApiUrl: `${sandbox.baseUrl}/api/`, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });

  beforeAll(async () => {
    sandbox = await startSlackSandbox({ rateLimit: false });
    web = client(sandbox.botToken);
  });
  afterAll(async () => sandbox.stop());

  it('answers auth.test with the bot identity', async () => {
    const me = await web.auth.test();
    expect(me).toMatchObject({ ok: true, team_id: sandbox.teamId, user_id: sandbox.botUserId, bot_id: sandbox.botId });
  });

  it('posts, replies, updates and deletes, and history and replies see it all', async () => {
    const channel = sandbox.channels.general;
    const posted = await web.chat.postMessage({ channel, text: 'from the SDK', metadata: { event_type: 'forgeworks_bridged', event_payload: { marker: 'sdk-1' } } });
    expect(posted).toMatchObject({ ok: true, channel, ts: expect.stringMatching(/^\d{10}\.\d{6}$/), message: { text: 'from the SDK', bot_id: sandbox.botId } });
    const reply = await web.chat.postMessage({ channel, text: 'in the thread', thread_ts: posted.ts! });
    const updated = await web.chat.update({ channel, ts: posted.ts!, text: 'edited by the SDK' });
    expect(updated).toMatchObject({ ok: true, ts: posted.ts, text: 'edited by the SDK' });

    const history = await web.conversations.history({ channel, limit: 10 });
    const root = history.messages!.find((m) => m.ts === posted.ts)!;
    expect(root).toMatchObject({ text: 'edited by the SDK', reply_count: 1, metadata: { event_type: 'forgeworks_bridged', event_payload: { marker: 'sdk-1' } } });
    expect(history.messages!.some((m) => m.ts === reply.ts)).toBe(false);
    const thread = await web.conversations.replies({ channel, ts: posted.ts! });
    expect(thread.messages!.map((m) => m.ts)).toEqual([posted.ts, reply.ts]);

    expect(await web.chat.delete({ channel, ts: reply.ts! })).toMatchObject({ ok: true, ts: reply.ts });
    const again = await web.chat.delete({ channel, ts: reply.ts! }).catch((e: unknown) => e as WebAPIPlatformError);
    expect(again).toMatchObject({ code: ErrorCode.PlatformError, data: { ok: false, error: 'message_not_found' } });
  });

  it('pages history with a cursor', async () => {
    const channel = sandbox.createChannel('paging');
    for (let i = 0; i < 5; i++) sandbox.postAsHuman(channel, `m${i}`);
    const first = await web.conversations.history({ channel, limit: 2 });
    expect(first.has_more).toBe(true);
    const texts: string[] = [];
    for await (const page of web.paginate('conversations.history', { channel, limit: 2 })) texts.push(...(page as unknown as { messages: Array<{ text: string }> }).messages.map((m) => m.text));
    expect(texts).toEqual(['m4', 'm3', 'm2', 'm1', 'm0']);
  });

  it('raises Slack\'s platform errors and invalid_auth', async () => {
    const missing = await web.chat.postMessage({ channel: 'C0NOSUCHONE', text: 'x' }).catch((e: unknown) => e as WebAPIPlatformError);
    expect(missing).toMatchObject({ code: ErrorCode.PlatformError, data: { error: 'channel_not_found' } });
    const refused = await client('xoxb-0-0-nope').auth.test().catch((e: unknown) => e as WebAPIPlatformError);
    expect(refused).toMatchObject({ code: ErrorCode.PlatformError, data: { error: 'invalid_auth' } });
  });

  it('raises a rate-limited error with Slack\'s Retry-After', async () => {
    sandbox.server.faults.add({ kind: 'status', status: 429, times: 1, retryAfterSeconds: 7, body: RATELIMITED_BODY });
    const strict = new WebClient(sandbox.botToken, { slackApiUrl: `${sandbox.baseUrl}/api/`, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logLevel: LogLevel.ERROR });
    const limited = await strict.chat.postMessage({ channel: sandbox.channels.general, text: 'x' }).catch((e: unknown) => e as WebAPIRateLimitedError);
    expect(limited).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 7 });
    sandbox.server.faults.clear();
  });
});
