import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isConnectorError, type ConnectorError } from '../../src/core/index.js';
import type { ConnectorContext, OutboundMessage } from '../../src/registry/index.js';
import { messagingConformance } from '../../test/conformance/messaging.js';
import { pagerdutyDefinition } from './definition.js';
import { parsePagerDutyError } from './errors.js';
import { testPagerDutyConnection } from './health.js';
import { pagerdutyMessagingSandbox, startPagerDutySandbox, type PagerDutySandbox } from './sandbox/index.js';
import { sendPagerDuty } from './send.js';
import { contextFor } from './test-context.js';

messagingConformance({
  definition: pagerdutyDefinition,
  start: ({ canary }) => pagerdutyMessagingSandbox({ canary }),
  validMessage: (i) => ({ text: `Disk 90% full on db-${i}`, data: { severity: 'warning', source: `db-${i}.example.com` } }),
  invalidMessage: () => ({ message: { text: 'CPU high', data: { severity: 'fatal' } }, field: 'data.severity' }),
  secretField: 'routingKey',
  refusal: { status: 400, field: 'payload.summary' },
  idempotency: { dedupes: true, how: 'the idempotency key is the dedup_key: a second trigger joins the open alert' },
});

async function refusal(run: () => Promise<unknown>): Promise<ConnectorError> {
  const error = await run().then(() => undefined, (e: unknown) => e);
  if (!isConnectorError(error)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

describe('pagerduty: alerts', () => {
  let sandbox: PagerDutySandbox;
  let ctx: ConnectorContext;
  const send = (message: OutboundMessage, idempotencyKey: string) => sendPagerDuty(ctx, message, { idempotencyKey });

  beforeAll(async () => {
    sandbox = await startPagerDutySandbox();
    ctx = await contextFor(sandbox, undefined, { source: 'forge-host' });
  });
  afterAll(async () => sandbox.stop());
  beforeEach(() => sandbox.server.clearLog());

  it('triggers an alert with the routing key in the body and the idempotency key as dedup_key', async () => {
    const result = await send({ text: 'Checkout error rate above 5%', data: { severity: 'critical', component: 'checkout', customDetails: { rate: 0.07 }, links: [{ href: 'https://grafana.example.com/d/1', text: 'Dashboard' }] } }, 'alert-checkout-1');
    expect(result).toEqual({ id: 'alert-checkout-1', raw: { status: 'success', message: 'Event processed', dedup_key: 'alert-checkout-1' } });
    expect(sandbox.server.requestLog[0]?.body).toEqual({
      routing_key: sandbox.routingKey, event_action: 'trigger', dedup_key: 'alert-checkout-1',
      payload: { summary: 'Checkout error rate above 5%', source: 'forge-host', severity: 'critical', component: 'checkout', custom_details: { rate: 0.07 } },
      links: [{ href: 'https://grafana.example.com/d/1', text: 'Dashboard' }],
    });
    expect(sandbox.server.requestLog[0]?.headers.authorization).toBeUndefined();
  });

  it('acknowledges and resolves the alert named by threadId; a trigger after the resolve opens a new one', async () => {
    const { id } = await send({ text: 'Queue backlog growing' }, 'alert-queue-1');
    await send({ text: '', threadId: id, data: { action: 'acknowledge' } }, 'ack-1');
    expect(sandbox.store.alerts.find((a) => a.dedupKey === id)?.status).toBe('acknowledged');
    await send({ text: '', threadId: id, data: { action: 'resolve' } }, 'resolve-1');
    await send({ text: 'Queue backlog growing again' }, id);
    expect(sandbox.store.alerts.filter((a) => a.dedupKey === id).map((a) => a.status)).toEqual(['resolved', 'triggered']);
  });

  it('answers 202 to a resolve for an alert that is not open, and PagerDuty drops it', async () => {
    const result = await send({ text: '', threadId: 'never-triggered', data: { action: 'resolve' } }, 'r');
    expect(result.id).toBe('never-triggered');
    expect(sandbox.store.events.at(-1)).toMatchObject({ dedupKey: 'never-triggered', outcome: 'dropped' });
  });

  it('hashes an idempotency key longer than the 255 characters a dedup_key may have, stably', async () => {
    const long = 'k'.repeat(300);
    const first = await send({ text: 'Long key' }, long);
    const second = await send({ text: 'Long key' }, long);
    expect(first.id).toMatch(/^sha256-[0-9a-f]{64}$/);
    expect(second.id).toBe(first.id);
    expect(sandbox.store.alerts.filter((a) => a.dedupKey === first.id)).toHaveLength(1);
  });

  it('refuses an empty or too long summary before any call, naming text', async () => {
    expect((await refusal(() => send({ text: ' ' }, 'e'))).fields.map((f) => f.field)).toEqual(['text']);
    expect((await refusal(() => send({ text: 'x'.repeat(1025) }, 'e'))).fields.map((f) => f.field)).toEqual(['text']);
    expect(sandbox.server.requestLog).toHaveLength(0);
  });

  it('refuses a key of the wrong shape before any call, naming routingKey', async () => {
    const wrong = await contextFor(sandbox, { routingKey: 'u+2ShortKey' });
    const error = await refusal(() => sendPagerDuty(wrong, { text: 'x' }, { idempotencyKey: 'k' }));
    expect(error).toMatchObject({ kind: 'permanent', fields: [{ field: 'routingKey' }] });
    expect(sandbox.server.requestLog).toHaveLength(0);
  });

  it('reports a deleted integration ("Invalid routing key", a 400) as permanent, naming routing_key', async () => {
    sandbox.revoke();
    try {
      const error = await refusal(() => send({ text: 'x' }, 'gone'));
      expect(error).toMatchObject({ kind: 'permanent', status: 400, code: 'invalid event', fields: [{ field: 'routing_key', message: 'Invalid routing key' }] });
      expect(error.message).toBe('pagerduty answered 400: Event object is invalid: Invalid routing key (fields: routing_key)');
    } finally {
      sandbox.restore();
    }
  });

  it('checks the connection without sending an event', async () => {
    expect((await testPagerDutyConnection(ctx)).ok).toBe(true);
    expect((await testPagerDutyConnection(await contextFor(sandbox, {}))).message).toContain('"routingKey" is missing');
    expect(sandbox.server.requestLog).toHaveLength(0);
  });
});

describe('pagerduty: error bodies', () => {
  it('names every quoted field of an invalid event, as PagerDuty names it', () => {
    const details = parsePagerDutyError({ status: 400, headers: {}, body: { status: 'invalid event', message: 'Event object is invalid', errors: ["'payload.summary' is missing or blank", "'payload.severity' is invalid (must be one of: critical, error, warning, info)"] } });
    expect(details).toMatchObject({ code: 'invalid event', fields: [{ field: 'payload.summary' }, { field: 'payload.severity' }] });
    expect(details?.kind).toBeUndefined();
  });

  it('treats a key PagerDuty refuses for its shape as the credential, not the event', () => {
    const details = parsePagerDutyError({ status: 400, headers: {}, body: { status: 'invalid event', message: 'Event object is invalid', errors: ["Length of 'routing_key' is incorrect (should be 32 characters)", "'routing_key' cannot contain non-alphanumeric characters."] } });
    expect(details).toMatchObject({ kind: 'permanent', fields: [{ field: 'routing_key' }, { field: 'routing_key' }] });
  });

  it('leaves the bare 429 to its status', () => {
    expect(parsePagerDutyError({ status: 429, headers: {}, body: undefined })).toBeUndefined();
  });
});
