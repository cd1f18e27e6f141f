import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isConnectorError, type ConnectorError } from '../../src/core/index.js';
import type { ConnectorContext, OutboundMessage } from '../../src/registry/index.js';
import { messagingConformance } from '../../test/conformance/messaging.js';
import { sendgridDefinition } from './definition.js';
import { parseSendGridError } from './errors.js';
import { testSendGridConnection } from './health.js';
import { sendgridMessagingSandbox, startSendGridSandbox, type SendGridSandbox } from './sandbox/index.js';
import { sendSendGrid } from './send.js';
import { contextFor } from './test-context.js';

messagingConformance({
  definition: sendgridDefinition,
  start: ({ canary }) => sendgridMessagingSandbox({ canary }),
  validMessage: (i) => ({ to: `customer${i}@example.com`, subject: `Your receipt #${i}`, text: `Thanks for order ${i}.` }),
  invalidMessage: () => ({ message: { to: 'customer@example.com', text: 'No subject here' }, field: 'subject' }),
  secretField: 'apiKey',
  refusal: { status: 400, field: 'personalizations.0.to.0.email' },
  idempotency: { dedupes: false, why: 'Mail Send takes no idempotency key; the key rides in custom_args for tracing only' },
});

async function refusal(run: () => Promise<unknown>): Promise<ConnectorError> {
  const error = await run().then(() => undefined, (e: unknown) => e);
  if (!isConnectorError(error)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

describe('sendgrid: mail send', () => {
  let sandbox: SendGridSandbox;
  let ctx: ConnectorContext;
  const send = (message: OutboundMessage, c = ctx, key = 'idem-1') => sendSendGrid(c, message, { idempotencyKey: key });

  beforeAll(async () => {
    sandbox = await startSendGridSandbox({ authenticatedDomains: ['mail.forgeworks.example'] });
    ctx = await contextFor(sandbox);
  });
  afterAll(async () => sandbox.stop());
  beforeEach(() => sandbox.server.clearLog());

  it('sends personalizations, from, subject and text-then-html content, and returns X-Message-Id', async () => {
    const result = await send({ to: 'ada@example.com, grace@example.com', subject: 'Welcome', text: 'Hello!', data: { html: '<p>Hello!</p>', cc: ['ops@example.com'], categories: ['welcome'] } }, ctx, 'welcome-42');
    expect(result.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(result.raw).toEqual({ status: 202, messageId: result.id });
    expect(sandbox.store.delivered.at(-1)).toMatchObject({ messageId: result.id, recipients: ['ada@example.com', 'grace@example.com', 'ops@example.com'] });
    expect(sandbox.server.requestLog[0]?.body).toEqual({
      personalizations: [{ to: [{ email: 'ada@example.com' }, { email: 'grace@example.com' }], cc: [{ email: 'ops@example.com' }], custom_args: { forgeworks_idempotency_key: 'welcome-42' } }],
      from: { email: 'alerts@forgeworks.example', name: 'Forgeworks' }, subject: 'Welcome',
      content: [{ type: 'text/plain', value: 'Hello!' }, { type: 'text/html', value: '<p>Hello!</p>' }], categories: ['welcome'],
    });
    expect(sandbox.server.requestLog[0]?.headers.authorization).toBe(`Bearer ${sandbox.apiKey}`);
  });

  it('sends from any address at an authenticated domain, and refuses an unverified sender (403) naming from', async () => {
    await send({ to: 'a@example.com', subject: 's', text: 't', data: { from: { email: 'billing@mail.forgeworks.example', name: 'Billing' } } });
    const error = await refusal(() => send({ to: 'a@example.com', subject: 's', text: 't', data: { from: 'someone@elsewhere.example' } }));
    expect(error).toMatchObject({ kind: 'permanent', status: 403, fields: [{ field: 'from' }] });
    expect(error.message).toContain('does not match a verified Sender Identity');
  });

  it('refuses a bad recipient, an empty text and a missing sender before any call', async () => {
    expect((await refusal(() => send({ to: 'not-an-address', subject: 's', text: 't' }))).fields.map((f) => f.field)).toEqual(['to.0']);
    expect((await refusal(() => send({ to: 'a@example.com', subject: 's', text: '' }))).fields.map((f) => f.field)).toEqual(['text']);
    const noSender = await contextFor(sandbox, { fromEmail: undefined });
    expect((await refusal(() => send({ to: 'a@example.com', subject: 's', text: 't' }, noSender))).fields.map((f) => f.field)).toEqual(['data.from']);
    expect(sandbox.server.requestLog).toHaveLength(0);
  });

  it('reads SendGrid\'s errors: every field named, the request id kept', () => {
    const details = parseSendGridError({ status: 400, headers: { 'x-request-id': 'rq-1' }, body: { errors: [
      { message: 'Does not contain a valid address.', field: 'personalizations.0.to.0.email', help: 'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.personalizations.to' },
      { message: 'The subject is required.', field: 'subject', help: null },
    ] } });
    expect(details?.fields?.map((f) => f.field)).toEqual(['personalizations.0.to.0.email', 'subject']);
    expect(details?.message).toBe('personalizations.0.to.0.email: Does not contain a valid address.; subject: The subject is required. (request rq-1)');
  });

  it('waits for X-RateLimit-Reset after a 429 and then sends', async () => {
    const resetIn = Math.ceil(Date.now() / 1000) + 1;
    sandbox.server.faults.add({ kind: 'status', status: 429, times: 1, body: { errors: [{ field: null, message: 'too many requests' }] }, headers: { 'x-ratelimit-limit': '600', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetIn) } });
    const started = Date.now();
    await send({ to: 'patient@example.com', subject: 's', text: 't' });
    expect(Date.now()).toBeGreaterThanOrEqual(resetIn * 1000 - 50);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(sandbox.server.requestLog.map((r) => r.status)).toEqual([429, 202]);
  });

  it('checks the connection through the key\'s scopes', async () => {
    expect(await testSendGridConnection(ctx)).toEqual({ ok: true, message: 'The API key may send mail.' });
    const readOnly = await startSendGridSandbox({ scopes: ['scopes.read'] });
    try {
      expect((await testSendGridConnection(await contextFor(readOnly))).message).toContain('lacks the mail.send scope');
    } finally {
      await readOnly.stop();
    }
  });
});
