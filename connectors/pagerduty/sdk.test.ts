/**
 * SDK fidelity: PagerDuty's own Node client, @pagerduty/pdjs, sends to the sandbox through its
 * documented `server` option. pdjs only speaks HTTPS (`https://${server}/v2/enqueue`), so the
 * sandbox is reached through a TLS front with a throwaway certificate the client's agent trusts;
 * the URL pdjs builds is not rewritten.
 */
import { Agent } from 'node:https';
import { acknowledge, event, resolve } from '@pagerduty/pdjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPagerDutySandbox, type PagerDutySandbox } from './sandbox/index.js';
import { opensslAvailable, startTlsFront, type TlsFront } from './tls-front.js';

type EventPayloadV2 = Parameters<typeof event>[0]['data'];
// The HTTPS front needs the openssl CLI for its certificate (.ci/run installs it where missing).
if (!opensslAvailable()) throw new Error('the openssl CLI is needed to make the HTTPS front pdjs requires');

describe('the official @pagerduty/pdjs client against the sandbox', () => {
  let sandbox: PagerDutySandbox;
  let tls: TlsFront;
  // node-fetch (under pdjs's cross-fetch) takes a Node agent; it is how the client trusts the front.
  const options = () => ({ server: tls.host, agent: new Agent({ ca: tls.ca }) }) as unknown as { server: string };
  const trigger = (data: Partial<EventPayloadV2> & { payload: EventPayloadV2['payload'] }) => event({ ...options(), data: { routing_key: sandbox.routingKey, event_action: 'trigger', ...data } });

  beforeAll(async () => {
    sandbox = await startPagerDutySandbox();
    tls = (await startTlsFront(sandbox.baseUrl))!;
  });
  afterAll(async () => {
    await tls?.stop();
    await sandbox.stop();
  });

  it('triggers an alert and reads back the dedup key', async () => {
    const res = await trigger({ dedup_key: 'pdjs-1', payload: { summary: 'pdjs says hello', source: 'sdk-test', severity: 'info', custom_details: { via: 'pdjs' } } });
    expect(res.status).toBe(202);
    expect(res.data).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'pdjs-1' });
    expect(sandbox.server.requestLog.at(-1)?.headers['user-agent']).toMatch(/^pdjs\//);
    expect(sandbox.store.alerts.find((a) => a.dedupKey === 'pdjs-1')).toMatchObject({ status: 'triggered', summary: 'pdjs says hello' });
  });

  it('acknowledges and resolves with the shorthand helpers', async () => {
    await trigger({ dedup_key: 'pdjs-2', payload: { summary: 'to be resolved', source: 'sdk-test', severity: 'warning' } });
    const ack = await acknowledge({ ...options(), data: { routing_key: sandbox.routingKey, dedup_key: 'pdjs-2' } as EventPayloadV2 });
    expect(ack.status).toBe(202);
    const done = await resolve({ ...options(), data: { routing_key: sandbox.routingKey, dedup_key: 'pdjs-2' } as EventPayloadV2 });
    expect(done.data.dedup_key).toBe('pdjs-2');
    expect(sandbox.store.alerts.find((a) => a.dedupKey === 'pdjs-2')?.status).toBe('resolved');
  });

  it('surfaces an invalid event as PagerDuty does: a 400 with the errors', async () => {
    const res = await trigger({ payload: { summary: '', source: 'sdk-test', severity: 'info' } });
    expect(res.status).toBe(400);
    expect(res.data).toEqual({ status: 'invalid event', message: 'Event object is invalid', errors: ["'payload.summary' is missing or blank"] });
  });
});
