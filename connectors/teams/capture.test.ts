/**
 * Capture of Graph deliveries without a network: the validationToken handshake, notifications
 * mapped to hub events (root messages and replies, both resource spellings), and deliveries with
 * a wrong clientState refused whole, with a reason that, logged, carries no secret.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/index.js';
import type { CaptureContext, InboundRequest } from '../../src/registry/index.js';
import { captureGraphNotification } from './capture.js';
import { parseResource } from './notifications.js';

const STATE = 'canary-client-state-8d7c6b5a4f3e';
const SECRET = 'canary~client~secret~0123456789';
const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const TEAM = '0f1e2d3c-4b5a-4697-a887-766554433221';
const CHANNEL = '19:0123456789abcdef0123456789abcdef@thread.tacv2';
const context: CaptureContext = { secrets: { clientId: 'app', clientSecret: SECRET, clientState: STATE }, config: {}, nowMs: NOW };

const post = (body: unknown, query: Record<string, string> = {}): InboundRequest => ({ method: 'POST', headers: { 'content-type': 'application/json' }, query, rawBody: JSON.stringify(body), receivedAtMs: NOW });
const note = (changeType: string, resource: string, clientState: string | null = STATE) => ({
  subscriptionId: 'sub-1', changeType, clientState, subscriptionExpirationDateTime: '2025-01-15T12:59:00Z', resource,
  resourceData: { id: '1', '@odata.type': '#Microsoft.Graph.chatMessage', '@odata.id': resource }, tenantId: 'tenant-1',
});
const root = `teams('${TEAM}')/channels('${CHANNEL}')/messages('1736942400000')`;
const reply = `${root}/replies('1736942460000')`;

describe('Graph capture: handshake and notifications', () => {
  it('echoes the validationToken as text/plain, whatever the body', () => {
    const token = 'Validation: Testing client application reachability for subscription Request-Id: 0f0f';
    expect(captureGraphNotification({ ...post(''), rawBody: '', query: { validationToken: token } }, context)).toEqual({ kind: 'reply', status: 200, contentType: 'text/plain', body: token });
  });

  it('maps created, updated and deleted, a reply as "{root}/{reply}" with its thread', () => {
    const outcome = captureGraphNotification(post({ value: [note('created', root), note('updated', root), note('deleted', reply)] }), context);
    expect(outcome).toEqual({ kind: 'events', events: [
      { eventId: 'sub-1:created:1736942400000', type: 'posted', channel: `${TEAM}/${CHANNEL}`, messageId: '1736942400000', occurredAt: '2025-01-15T12:00:00.000Z' },
      { eventId: `sub-1:updated:1736942400000:${NOW}`, type: 'edited', channel: `${TEAM}/${CHANNEL}`, messageId: '1736942400000', occurredAt: '2025-01-15T12:00:00.000Z' },
      { eventId: 'sub-1:deleted:1736942400000/1736942460000', type: 'deleted', channel: `${TEAM}/${CHANNEL}`, messageId: '1736942400000/1736942460000', threadId: '1736942400000', occurredAt: '2025-01-15T12:00:00.000Z' },
    ] });
  });

  it('reads both resource spellings, and ignores lifecycle notifications', () => {
    expect(parseResource(`/teams/${TEAM}/channels/${encodeURIComponent(CHANNEL)}/messages/17/replies/18`)).toEqual({ channel: { teamId: TEAM, channelId: CHANNEL }, path: { rootId: '17', replyId: '18' } });
    expect(parseResource('users/abc/messages/1')).toBeUndefined();
    const lifecycle = { subscriptionId: 'sub-1', lifecycleEvent: 'reauthorizationRequired', clientState: STATE, subscriptionExpirationDateTime: '2025-01-15T12:59:00Z', tenantId: 't' };
    expect(captureGraphNotification(post({ value: [lifecycle] }), context)).toEqual({ kind: 'events', events: [] });
  });
});

describe('Graph capture: refusals', () => {
  const cases: Array<[string, InboundRequest, number, RegExp]> = [
    ['a wrong clientState', post({ value: [note('created', root, 'guessed-state')] }), 202, /clientState does not match in 1 of 1/],
    ['one wrong clientState among good ones', post({ value: [note('created', root), note('created', reply, `${STATE}x`)] }), 202, /1 of 2/],
    ['a missing clientState', post({ value: [note('created', root, null)] }), 202, /clientState/],
    ['a body that is not JSON', { ...post({}), rawBody: 'value=1' }, 400, /not JSON/],
    ['a body that is not a notification collection', post({ value: [] }), 400, /collection/],
  ];
  for (const [what, request, status, reason] of cases) {
    it(`refuses ${what} unprocessed (${status}), and the logged refusal holds no secret`, () => {
      const lines: string[] = [];
      const logger = createLogger({ level: 'info', destination: new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } }) });
      const outcome = captureGraphNotification(request, context);
      expect(outcome).toMatchObject({ kind: 'refused', status, reason: expect.stringMatching(reason) });
      logger.warn({ connector: 'teams', outcome }, 'inbound delivery refused');
      const logged = lines.join('');
      expect(logged).toContain('inbound delivery refused');
      expect(logged).not.toContain(STATE);
      expect(logged).not.toContain(SECRET);
    });
  }

  it('refuses everything when the connection has no clientState, with 500 so Graph retries later', () => {
    expect(captureGraphNotification(post({ value: [note('created', root)] }), { ...context, secrets: {} })).toMatchObject({ kind: 'refused', status: 500 });
  });
});
