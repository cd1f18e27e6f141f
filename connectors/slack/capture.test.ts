/**
 * Capture without a network: signed Events API requests accepted and mapped, the url_verification
 * challenge answered, and bad signatures, stale timestamps and missing headers refused with a
 * reason that, logged through the platform logger, carries no secret.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/index.js';
import type { CaptureContext, InboundRequest } from '../../src/registry/index.js';
import { captureSlackEvent } from './capture.js';
import { slackSignature } from './signature.js';

const SECRET = 'canary-signing-secret-5f1e2d3c4b5a';
const TOKEN = 'xoxb-111-222-canaryBotTokenValue0001';
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const context: CaptureContext = { secrets: { botToken: TOKEN, signingSecret: SECRET }, config: { botId: 'B0OWNBOT000' }, nowMs: NOW };

function signed(payload: unknown, options: { at?: number; secret?: string; signature?: string } = {}): InboundRequest {
  const rawBody = JSON.stringify(payload);
  const timestamp = String(Math.floor((options.at ?? NOW) / 1000));
  const signature = options.signature ?? slackSignature(options.secret ?? SECRET, timestamp, rawBody);
  return { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature }, query: {}, rawBody, receivedAtMs: NOW };
}

const callback = (event: Record<string, unknown>, eventId = 'Ev0TEST0001') => ({ type: 'event_callback', team_id: 'T0TEAM00001', api_app_id: 'A0APP000001', event_id: eventId, event_time: NOW / 1000, event });

describe('Slack capture: accepted deliveries', () => {
  it('answers url_verification with the challenge as text/plain', () => {
    expect(captureSlackEvent(signed({ token: 'x', challenge: 'c-123', type: 'url_verification' }), context)).toEqual({ kind: 'reply', status: 200, contentType: 'text/plain', body: 'c-123' });
  });

  it('maps a person\'s message, keyed by event_id, at its ts', () => {
    const outcome = captureSlackEvent(signed(callback({ type: 'message', channel: 'C0CHAN00001', user: 'U0PERSON001', text: 'Hi', ts: '1736942400.000100' })), context);
    expect(outcome).toEqual({ kind: 'events', events: [{ eventId: 'Ev0TEST0001', type: 'posted', channel: 'C0CHAN00001', messageId: '1736942400.000100', text: 'Hi', authorId: 'U0PERSON001', fromSelf: false, occurredAt: '2025-01-15T12:00:00.000Z' }] });
  });

  it('reads the bridge marker and fromSelf off the bot\'s own threaded post', () => {
    const event = { type: 'message', channel: 'C0CHAN00001', user: 'U0BOTUSER01', bot_id: 'B0OWNBOT000', app_id: 'A0APP000001', text: 'copy', ts: '1736942401.000200', thread_ts: '1736942400.000100', metadata: { event_type: 'forgeworks_bridged', event_payload: { marker: 'fw-7' } } };
    const outcome = captureSlackEvent(signed(callback(event)), context);
    expect(outcome).toMatchObject({ kind: 'events', events: [{ type: 'posted', threadId: '1736942400.000100', bridgeMarker: 'fw-7', fromSelf: true }] });
  });

  it('maps message_changed to an edit at its edited ts, and message_deleted to a delete', () => {
    const changed = { type: 'message', subtype: 'message_changed', hidden: true, channel: 'C0CHAN00001', ts: '1736942500.000300', event_ts: '1736942500.000300', message: { type: 'message', user: 'U0PERSON001', text: 'Hi!', ts: '1736942400.000100', edited: { user: 'U0PERSON001', ts: '1736942460.000000' } }, previous_message: { type: 'message', user: 'U0PERSON001', text: 'Hi', ts: '1736942400.000100' } };
    expect(captureSlackEvent(signed(callback(changed, 'Ev0EDIT0001')), context)).toMatchObject({ kind: 'events', events: [{ eventId: 'Ev0EDIT0001', type: 'edited', messageId: '1736942400.000100', text: 'Hi!', occurredAt: '2025-01-15T12:01:00.000Z' }] });
    const deleted = { type: 'message', subtype: 'message_deleted', hidden: true, channel: 'C0CHAN00001', ts: '1736942520.000400', deleted_ts: '1736942400.000100', event_ts: '1736942520.000400', previous_message: { type: 'message', bot_id: 'B0OWNBOT000', text: 'Hi!', ts: '1736942400.000100', metadata: { event_type: 'forgeworks_bridged', event_payload: { marker: 'fw-8' } } } };
    expect(captureSlackEvent(signed(callback(deleted, 'Ev0DEL00001')), context)).toEqual({ kind: 'events', events: [{ eventId: 'Ev0DEL00001', type: 'deleted', channel: 'C0CHAN00001', messageId: '1736942400.000100', authorId: 'B0OWNBOT000', fromSelf: true, bridgeMarker: 'fw-8', occurredAt: '2025-01-15T12:02:00.000Z' }] });
  });

  it('acknowledges events it does not bridge (joins, reactions) with no events', () => {
    expect(captureSlackEvent(signed(callback({ type: 'message', subtype: 'channel_join', channel: 'C0CHAN00001', user: 'U0PERSON001', ts: '1736942400.000500', text: '<@U0PERSON001> has joined' })), context)).toEqual({ kind: 'events', events: [] });
    expect(captureSlackEvent(signed(callback({ type: 'reaction_added', user: 'U0PERSON001', reaction: 'tada' })), context)).toEqual({ kind: 'events', events: [] });
  });
});

describe('Slack capture: refusals', () => {
  const cases: Array<[string, InboundRequest, RegExp]> = [
    ['a signature made with another secret', signed(callback({ type: 'message' }), { secret: 'someone-elses-secret' }), /does not match/],
    ['a body changed after signing', { ...signed(callback({ type: 'message', text: 'a' })), rawBody: JSON.stringify(callback({ type: 'message', text: 'b' })) }, /does not match/],
    ['a timestamp six minutes old', signed(callback({ type: 'message' }), { at: NOW - 360_000 }), /stale/],
    ['a timestamp six minutes ahead', signed(callback({ type: 'message' }), { at: NOW + 360_000 }), /stale/],
    ['no signature headers', { method: 'POST', headers: {}, query: {}, rawBody: '{}', receivedAtMs: NOW }, /missing/],
  ];

  for (const [what, request, reason] of cases) {
    it(`refuses ${what} with 401, and the logged refusal holds no secret`, () => {
      const lines: string[] = [];
      const logger = createLogger({ level: 'info', destination: new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } }) });
      const outcome = captureSlackEvent(request, context);
      expect(outcome).toMatchObject({ kind: 'refused', status: 401, reason: expect.stringMatching(reason) });
      logger.warn({ connector: 'slack', outcome, headers: request.headers }, 'inbound delivery refused');
      const logged = lines.join('');
      expect(logged).toContain('inbound delivery refused');
      expect(logged).not.toContain(SECRET);
      expect(logged).not.toContain(TOKEN);
      // Nor, for a forged request, the signature the secret would have produced: that would let
      // anyone replay this body. (A stale request's own, genuine signature is the sender's.)
      const timestamp = request.headers['x-slack-request-timestamp'];
      const expected = timestamp ? slackSignature(SECRET, timestamp, request.rawBody) : undefined;
      if (expected && expected !== request.headers['x-slack-signature']) expect(logged).not.toContain(expected.slice(3));
    });
  }

  it('refuses a connection without a signing secret with 500, so Slack retries later', () => {
    expect(captureSlackEvent(signed(callback({ type: 'message' })), { ...context, secrets: {} })).toMatchObject({ kind: 'refused', status: 500 });
  });
});
