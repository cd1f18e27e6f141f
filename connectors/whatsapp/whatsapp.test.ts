import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isConnectorError, type ConnectorError } from '../../src/core/index.js';
import type { ConnectorContext, OutboundMessage } from '../../src/registry/index.js';
import { messagingConformance } from '../../test/conformance/messaging.js';
import { whatsappDefinition } from './definition.js';
import { testWhatsAppConnection } from './health.js';
import { startWhatsAppSandbox, whatsappMessagingSandbox, type WhatsAppSandbox } from './sandbox/index.js';
import { sendWhatsApp } from './send.js';
import { contextFor } from './test-context.js';

const phone = (i: number) => `+1415555${String(1000 + i).slice(-4)}`;

messagingConformance({
  definition: whatsappDefinition,
  start: ({ canary }) => whatsappMessagingSandbox({ canary }),
  validMessage: (i) => ({ to: phone(i), text: `Your order ${i} has shipped.` }),
  invalidMessage: () => ({ message: { to: '0044 20 7946 0000', text: 'hello' }, field: 'to' }),
  secretField: 'accessToken',
  refusal: { status: 400, field: 'text.body' },
  idempotency: { dedupes: false, why: 'the Cloud API takes no idempotency key; a send is never replayed after an ambiguous failure' },
});

async function refusal(run: () => Promise<unknown>): Promise<ConnectorError> {
  const error = await run().then(() => undefined, (e: unknown) => e);
  if (!isConnectorError(error)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

describe('whatsapp: sending', () => {
  let sandbox: WhatsAppSandbox;
  let ctx: ConnectorContext;
  const send = (message: OutboundMessage) => sendWhatsApp(ctx, message, { idempotencyKey: 'k' });

  beforeAll(async () => {
    sandbox = await startWhatsAppSandbox({ limits: { throughputPerSecond: 3, pairBurst: false } });
    ({ ctx } = await contextFor(sandbox));
  });
  afterAll(async () => sandbox.stop());
  beforeEach(async () => {
    sandbox.server.faults.clear();
    sandbox.server.clearLog();
    // Each test starts with a fresh one-second throughput window.
    for (const limiter of sandbox.server.limiters) limiter.reset();
  });

  it('sends a text message as the Cloud API expects it and returns the wamid', async () => {
    const result = await send({ to: '+14155550123', text: 'Hello from Forgeworks', data: { previewUrl: true } });
    expect(result.id).toMatch(/^wamid\./);
    expect(result.raw.contacts).toEqual([{ input: '+14155550123', wa_id: '14155550123' }]);
    expect(sandbox.store.sent.at(-1)).toMatchObject({
      id: result.id, waId: '14155550123', type: 'text',
      body: { messaging_product: 'whatsapp', recipient_type: 'individual', to: '+14155550123', type: 'text', text: { body: 'Hello from Forgeworks', preview_url: true } },
    });
    expect(sandbox.server.requestLog[0]?.headers.authorization).toBe(`Bearer ${sandbox.accessToken}`);
  });

  it('sends a template message with its language and body parameters', async () => {
    const components = [{ type: 'body', parameters: [{ type: 'text', text: 'Ada' }, { type: 'text', text: 'A-1042' }] }];
    const result = await send({ to: '+14155550124', text: '', data: { template: { name: 'order_update', language: 'en_US', components } } });
    expect(result.raw.messages[0]).toEqual({ id: result.id, message_status: 'accepted' });
    expect(sandbox.store.sent.at(-1)?.body).toMatchObject({ type: 'template', template: { name: 'order_update', language: { code: 'en_US', policy: 'deterministic' }, components } });
  });

  it('replies in a thread through context.message_id', async () => {
    const first = await send({ to: '+14155550125', text: 'first' });
    await send({ to: '+14155550125', text: 'reply', threadId: first.id });
    expect(sandbox.store.sent.at(-1)?.body.context).toEqual({ message_id: first.id });
  });

  it('refuses text over 4,096 characters and a template without a name before any call', async () => {
    const long = await refusal(() => send({ to: '+14155550126', text: 'x'.repeat(4097) }));
    expect(long.fields).toEqual([{ field: 'text', message: 'must be at most 4096 characters' }]);
    const unnamed = await refusal(() => send({ to: '+14155550126', text: '', data: { template: { name: '' } } }));
    expect(unnamed.fields.map((f) => f.field)).toEqual(['data.template.name']);
    expect(sandbox.server.requestLog).toHaveLength(0);
  });

  it('names template.name when the template does not exist (132001, answered 404)', async () => {
    const error = await refusal(() => send({ to: '+14155550127', text: '', data: { template: { name: 'spring_sale', language: 'de' } } }));
    expect(error).toMatchObject({ kind: 'validation', status: 404, code: '132001' });
    expect(error.fields.map((f) => f.field)).toEqual(['template.name']);
    expect(error.message).toContain('template name (spring_sale) does not exist in de');
  });

  it('names template.components when the parameter count is wrong (132000)', async () => {
    const error = await refusal(() => send({ to: '+14155550128', text: '', data: { template: { name: 'order_update', components: [{ type: 'body', parameters: [{ type: 'text', text: 'only one' }] }] } } }));
    expect(error).toMatchObject({ kind: 'validation', status: 400, code: '132000' });
    expect(error.fields.map((f) => f.field)).toEqual(['template.components']);
  });

  it('reports throughput throttling (130429, a 400) as transient, with the usage header, and does not replay it', async () => {
    for (let i = 0; i < 3; i++) await send({ to: `+1415555013${i}`, text: `burst ${i}` });
    const error = await refusal(() => send({ to: '+14155550139', text: 'one too many' }));
    expect(error).toMatchObject({ kind: 'transient', status: 400, code: '130429' });
    expect(sandbox.server.requestLog).toHaveLength(4);
    const answer = await ctx.http.request({ method: 'POST', url: `/v23.0/${sandbox.phoneNumberId}/messages`, json: { messaging_product: 'whatsapp', to: '+14155550138', type: 'text', text: { body: 'still limited' } }, retry: false });
    const usage = JSON.parse(answer.headers['x-business-use-case-usage'] ?? '{}') as Record<string, Array<{ call_count: number; estimated_time_to_regain_access: number }>>;
    expect(usage['102290129340398']?.[0]).toMatchObject({ call_count: 100, estimated_time_to_regain_access: 1 });
  });

  it('refuses an unknown phone number id as permanent (100, subcode 33)', async () => {
    const { ctx: wrong } = await contextFor(sandbox, { phoneNumberId: '999999999999999' });
    const error = await refusal(() => sendWhatsApp(wrong, { to: '+14155550140', text: 'hi' }, { idempotencyKey: 'k' }));
    expect(error).toMatchObject({ kind: 'permanent', status: 400, code: '100' });
    expect(error.message).toContain("Object with ID '999999999999999' does not exist");
  });

  it('checks the connection by reading the phone number, and fails on a revoked token', async () => {
    expect(await testWhatsAppConnection(ctx)).toEqual({ ok: true, message: 'Sending as Forgeworks Sandbox (+1 555-010-0001), quality GREEN.' });
    sandbox.revoke();
    try {
      const check = await testWhatsAppConnection(ctx);
      expect(check.ok).toBe(false);
      expect(check.message).toMatch(/answered 401: Error validating access token: .* has expired/);
    } finally {
      sandbox.restore();
    }
  });
});

describe('whatsapp: a test number', () => {
  let sandbox: WhatsAppSandbox;
  beforeAll(async () => { sandbox = await startWhatsAppSandbox({ allowedRecipients: ['+14155550150'] }); });
  afterAll(async () => sandbox.stop());

  it('sends only to its allowed recipients and names `to` otherwise (131030)', async () => {
    const { ctx } = await contextFor(sandbox);
    await sendWhatsApp(ctx, { to: '+14155550150', text: 'allowed' }, { idempotencyKey: 'a' });
    const error = await refusal(() => sendWhatsApp(ctx, { to: '+14155550151', text: 'not allowed' }, { idempotencyKey: 'b' }));
    expect(error).toMatchObject({ kind: 'validation', code: '131030' });
    expect(error.fields.map((f) => f.field)).toEqual(['to']);
  });
});
