/**
 * Slack's error answers (HTTP 200 `ok: false`, and 429 `ratelimited` with Retry-After) into the
 * platform's taxonomy, from parsed bodies and on the wire against the sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifySlackOutcome, parseSlackError } from './errors.js';
import { RATELIMITED_BODY, startSlackSandbox, type SlackSandbox } from './sandbox/index.js';
import { slack, slackContext } from './test-context.js';

const answer = (body: unknown, status = 200) => ({ status, headers: {}, body });

describe('Slack error bodies', () => {
  it('makes invalid_auth, not_authed and token_revoked permanent', () => {
    for (const error of ['invalid_auth', 'not_authed', 'token_revoked']) {
      expect(classifySlackOutcome(answer({ ok: false, error }))).toBe('permanent');
    }
  });

  it('makes channel_not_found and message_not_found not_found', () => {
    expect(parseSlackError(answer({ ok: false, error: 'channel_not_found' }))).toMatchObject({ kind: 'not_found', code: 'channel_not_found' });
    expect(classifySlackOutcome(answer({ ok: false, error: 'message_not_found' }))).toBe('not_found');
  });

  it('names the field of a validation error, from the code or from response_metadata', () => {
    expect(parseSlackError(answer({ ok: false, error: 'no_text' }))).toMatchObject({ kind: 'validation', fields: [{ field: 'text' }] });
    expect(parseSlackError(answer({ ok: false, error: 'msg_too_long' }))).toMatchObject({ kind: 'validation', fields: [{ field: 'text' }] });
    const invalid = parseSlackError(answer({ ok: false, error: 'invalid_arguments', response_metadata: { messages: ['[ERROR] missing required field: channel', '[ERROR] must provide a string [json-pointer:/text]'] } }));
    expect(invalid).toMatchObject({ kind: 'validation', fields: [{ field: 'channel', message: 'missing required field: channel' }, { field: 'text' }] });
  });

  it('makes ratelimited transient, names a missing scope, and leaves successes alone', () => {
    expect(parseSlackError(answer(RATELIMITED_BODY, 429))).toMatchObject({ kind: 'transient' });
    expect(parseSlackError(answer({ ok: false, error: 'missing_scope', needed: 'chat:write', provided: 'channels:history' }))).toMatchObject({ kind: 'permanent', message: 'missing_scope (needs scope chat:write)' });
    expect(classifySlackOutcome(answer({ ok: true, ts: '1.2' }))).toBeUndefined();
    expect(classifySlackOutcome(answer({ ok: false, error: 'ratelimited' }, 429))).toBeUndefined();
  });
});

describe('Slack errors on the wire', () => {
  let sandbox: SlackSandbox;
  beforeAll(async () => { sandbox = await startSlackSandbox({ rateLimit: false }); });
  afterAll(async () => sandbox.stop());

  it('refuses an unknown channel as not_found and a message without text as validation', async () => {
    const ctx = await slackContext(sandbox);
    await expect(slack.send(ctx, { channel: 'C0NOSUCHONE', text: 'x' }, { idempotencyKey: 'e1' })).rejects.toMatchObject({ kind: 'not_found', code: 'channel_not_found' });
    await expect(slack.send(ctx, { channel: sandbox.channels.general, text: 'x'.repeat(40_001) }, { idempotencyKey: 'e2' })).rejects.toMatchObject({ kind: 'validation', fields: [{ field: 'text' }] });
    await expect(slack.update!(ctx, { channel: sandbox.channels.general, id: sandbox.postAsHuman(sandbox.channels.general, 'mine') }, { text: 'yours' })).rejects.toMatchObject({ kind: 'validation', code: 'cant_update_message' });
  });

  it('sends a wrong token once, as permanent, without the token in the message', async () => {
    const wrong = 'xoxb-000000000000-0000000000000-WRONGWRONGWRONGWRONGWRONG';
    const ctx = await slackContext(sandbox, { token: wrong });
    sandbox.server.clearLog();
    const error = await slack.send(ctx, { channel: sandbox.channels.general, text: 'x' }, { idempotencyKey: 'e3' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'permanent', code: 'invalid_auth' });
    expect(String((error as Error).message)).not.toContain('WRONGWRONG');
    expect(sandbox.server.requestLog).toHaveLength(1);
    sandbox.revokeToken();
    await expect(slack.send(await slackContext(sandbox), { channel: sandbox.channels.general, text: 'x' }, { idempotencyKey: 'e4' })).rejects.toMatchObject({ kind: 'permanent', code: 'token_revoked' });
  });
});

describe('Slack rate limits', () => {
  let sandbox: SlackSandbox;
  beforeAll(async () => { sandbox = await startSlackSandbox({ rateLimit: { postBurst: 1 } }); });
  afterAll(async () => sandbox.stop());

  it('waits out a 429 with Retry-After and posts once', async () => {
    const ctx = await slackContext(sandbox);
    sandbox.server.faults.add({ kind: 'status', status: 429, times: 1, retryAfterSeconds: 1, body: RATELIMITED_BODY });
    const started = Date.now();
    const { id } = await slack.send(ctx, { channel: sandbox.channels.general, text: 'after the wait' }, { idempotencyKey: 'r1' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(sandbox.messages(sandbox.channels.general).filter((m) => m.ts === id)).toHaveLength(1);
    sandbox.server.faults.clear();
  });

  it('answers a second post to a channel within its window with 429 ratelimited and Retry-After', async () => {
    const ctx = await slackContext(sandbox);
    sandbox.server.clearLog();
    const first = ctx.http.request({ method: 'POST', url: '/api/chat.postMessage', json: { channel: sandbox.channels.random, text: 'one' }, retry: false });
    const second = ctx.http.request({ method: 'POST', url: '/api/chat.postMessage', json: { channel: sandbox.channels.random, text: 'two' }, retry: false });
    const [a, b] = await Promise.all([first, second]);
    const limited = [a, b].find((r) => r.status === 429)!;
    expect(limited.body).toEqual(RATELIMITED_BODY);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.error).toMatchObject({ kind: 'transient', code: 'ratelimited' });
  });
});
