/**
 * Change notifications end to end: subscribe (Graph validates the URL through capture), people's
 * and the app's own changes notified and read back with fetch, renewal before expiry and after a
 * lapse, a lapsed subscription delivering nothing, and the delivery levers (retries, duplicates,
 * reordering, batching, a wrong clientState).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CapturedMessageEvent, ConnectorContext } from '../../src/registry/index.js';
import { startTeamsSandbox, type TeamsSandbox } from './sandbox/index.js';
import { SUBSCRIPTION_MINUTES } from './subscribe.js';
import { captureContext, teams, teamsContext } from './test-context.js';
import { startReceiver, type Receiver } from './test-receiver.js';

const events = (receiver: Receiver): CapturedMessageEvent[] => receiver.outcomes.flatMap((o) => (o.kind === 'events' ? o.events : []));

describe('Teams change notifications', () => {
  let sandbox: TeamsSandbox;
  let ctx: ConnectorContext;
  let receiver: Receiver;
  beforeAll(async () => {
    sandbox = await startTeamsSandbox();
    sandbox.setDelivery({ retryDelaysMs: [10, 20, 40] });
    ctx = await teamsContext(sandbox);
    receiver = await startReceiver((request) => teams.capture!(request, captureContext(sandbox)));
  });
  afterEach(async () => {
    await sandbox.idle();
    receiver.outcomes.length = 0;
    receiver.requests.length = 0;
    sandbox.setDelivery({ duplicateRate: 0, delayMs: [0, 0], reorder: false, batch: false });
  });
  afterAll(async () => { await sandbox.stop(); await receiver.stop(); });

  const subscribe = (channel: string, existing?: { id: string; expiresAt: string }) =>
    teams.subscribe!(ctx, { channel, notificationUrl: receiver.url, clientState: sandbox.clientState, ...(existing ? { existing } : {}) });

  it('creates a subscription once the notification URL answers the validation token', async () => {
    const sub = await subscribe(sandbox.channels.general);
    expect(receiver.outcomes).toEqual([{ kind: 'reply', status: 200, contentType: 'text/plain', body: expect.stringMatching(/^Validation: /) }]);
    const minutes = (Date.parse(sub.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(SUBSCRIPTION_MINUTES - 1);
    expect(minutes).toBeLessThanOrEqual(60);
    expect(sandbox.subscriptions()).toMatchObject([{ id: sub.id, changeType: 'created,updated,deleted', clientState: sandbox.clientState, resource: expect.stringContaining('/messages') }]);
  });

  it('notifies posts, replies, edits and deletes without content; fetch reads them', async () => {
    const channel = sandbox.channels.general;
    const root = sandbox.postAsHuman(channel, 'hello <team>');
    await sandbox.idle();
    const reply = sandbox.postAsHuman(channel, 'a reply', { threadId: root });
    await sandbox.idle();
    sandbox.editAsHuman(channel, root, 'hello, edited');
    await sandbox.idle();
    sandbox.deleteAsHuman(channel, reply);
    await sandbox.idle();
    expect(events(receiver).map((e) => [e.type, e.messageId, e.threadId, e.text])).toEqual([
      ['posted', root, undefined, undefined], ['posted', reply, root, undefined], ['edited', root, undefined, undefined], ['deleted', reply, root, undefined],
    ]);
    expect(await teams.fetch!(ctx, { channel, id: root })).toMatchObject({ text: 'hello, edited', authorId: sandbox.humanUserId, fromSelf: false });
    expect(await teams.fetch!(ctx, { channel, id: reply })).toBeNull();
  });

  it('notifies the app\'s own post, which fetch marks fromSelf', async () => {
    const { id } = await teams.send(ctx, { channel: sandbox.channels.general, text: 'bridged copy' }, { idempotencyKey: 'n1' });
    await sandbox.idle();
    const [event] = events(receiver);
    expect(event).toMatchObject({ type: 'posted', messageId: id });
    expect(await teams.fetch!(ctx, { channel: event!.channel, id: event!.messageId })).toMatchObject({ fromSelf: true, text: 'bridged copy' });
  });

  it('renews with PATCH before expiry, and re-creates a subscription that lapsed', async () => {
    const first = await subscribe(sandbox.channels.random);
    sandbox.advanceTime(30 * 60_000);
    const renewed = await subscribe(sandbox.channels.random, first);
    expect(renewed.id).toBe(first.id);
    expect(sandbox.server.requestLog.filter((r) => r.method === 'PATCH' && r.path === `/v1.0/subscriptions/${first.id}`)).toHaveLength(1);
    sandbox.advanceTime(61 * 60_000);
    expect(sandbox.subscriptions().some((s) => s.id === first.id)).toBe(false);
    const again = await subscribe(sandbox.channels.random, renewed);
    expect(again.id).not.toBe(first.id);
  });

  it('delivers nothing for a subscription that lapsed', async () => {
    const sub = await subscribe(sandbox.createChannel('Short-lived'));
    const channel = sandbox.subscriptions().find((s) => s.id === sub.id)!.resource;
    sandbox.advanceTime(2 * 60 * 60_000);
    const ref = `${sandbox.teamId}/${decodeURIComponent(channel.split('/')[4]!)}`;
    receiver.requests.length = 0;
    sandbox.postAsHuman(ref, 'nobody hears this');
    await sandbox.idle();
    expect(receiver.requests).toEqual([]);
  });

  it('refuses to subscribe a URL that does not echo the token, as a validation error', async () => {
    const deaf = await startReceiver(() => ({ kind: 'events', events: [] }));
    const error = await teams.subscribe!(ctx, { channel: sandbox.channels.general, notificationUrl: deaf.url, clientState: sandbox.clientState }).catch((e: unknown) => e);
    expect(error, String(error)).toMatchObject({ kind: 'validation', status: 400, code: 'ValidationError' });
    await deaf.stop();
  });
});

describe('Teams notification delivery levers', () => {
  let sandbox: TeamsSandbox;
  let receiver: Receiver;
  let channel: string;
  beforeAll(async () => {
    sandbox = await startTeamsSandbox({ seed: 7 });
    sandbox.setDelivery({ retryDelaysMs: [10, 20, 40] });
    receiver = await startReceiver((request) => teams.capture!(request, captureContext(sandbox)));
    channel = sandbox.createChannel('Levers');
    await teams.subscribe!(await teamsContext(sandbox), { channel, notificationUrl: receiver.url, clientState: sandbox.clientState });
  });
  afterEach(async () => {
    await sandbox.idle();
    receiver.outcomes.length = 0;
    receiver.requests.length = 0;
    sandbox.setDelivery({ duplicateRate: 0, delayMs: [0, 0], reorder: false, batch: false });
  });
  afterAll(async () => { await sandbox.stop(); await receiver.stop(); });

  it('retries a notification the receiver failed, until it is accepted', async () => {
    receiver.failNext(2, 503);
    sandbox.postAsHuman(channel, 'persistent');
    await sandbox.idle();
    expect(sandbox.deliveries.slice(-3).map((d) => [d.retry, d.status, d.delivered])).toEqual([[0, 503, false], [1, 503, false], [2, 202, true]]);
    expect(events(receiver)).toHaveLength(1);
  });

  it('duplicates, delays, reorders and batches on request; a created id repeats across duplicates', async () => {
    sandbox.setDelivery({ duplicateRate: 1, delayMs: [0, 20], reorder: true, batch: true });
    const ids = [1, 2, 3].map((n) => sandbox.postAsHuman(channel, `burst ${n}`));
    await sandbox.idle();
    const got = events(receiver);
    expect(got).toHaveLength(6);
    expect(new Set(got.map((e) => e.messageId))).toEqual(new Set(ids));
    expect(new Set(got.map((e) => e.eventId)).size).toBe(3);
    expect(receiver.requests.length).toBeLessThan(6);
  });

  it('has a delivery with a wrong clientState refused unprocessed, answered 202 so Graph does not retry', async () => {
    const strict = await startReceiver((request) => teams.capture!(request, captureContext(sandbox, { secrets: { clientState: 'another-connections-state' } })));
    await teams.subscribe!(await teamsContext(sandbox), { channel, notificationUrl: strict.url, clientState: sandbox.clientState });
    sandbox.postAsHuman(channel, 'for the wrong listener');
    await sandbox.idle();
    expect(strict.outcomes.slice(1)).toEqual([{ kind: 'refused', status: 202, reason: 'clientState does not match in 1 of 1 notifications' }]);
    expect(sandbox.deliveries.filter((d) => d.url === strict.url)).toMatchObject([{ retry: 0, status: 202, delivered: true }]);
    await strict.stop();
  });
});
