import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isConnectorError, type ConnectorError } from '../../src/core/index.js';
import type { ConnectorContext, OutboundMessage } from '../../src/registry/index.js';
import { messagingConformance } from '../../test/conformance/messaging.js';
import { postmarkDefinition } from './definition.js';
import { classifyPostmarkOutcome, parsePostmarkError } from './errors.js';
import { testPostmarkConnection } from './health.js';
import { postmarkMessagingSandbox, startPostmarkSandbox, TEST_TOKEN, type PostmarkSandbox } from './sandbox/index.js';
import { sendPostmark } from './send.js';
import { contextFor } from './test-context.js';

messagingConformance({
  definition: postmarkDefinition,
  start: ({ canary }) => postmarkMessagingSandbox({ canary }),
  validMessage: (i) => ({ to: `reader${i}@example.com`, subject: `Password reset ${i}`, text: `Your link: https://example.com/reset/${i}` }),
  invalidMessage: () => ({ message: { to: 'reader@example.com', subject: '', text: 'No subject' }, field: 'subject' }),
  secretField: 'serverToken',
  refusal: { status: 422, field: 'To' },
  idempotency: { dedupes: false, why: 'Postmark takes no idempotency key; the key rides in Metadata for tracing only' },
});

async function refusal(run: () => Promise<unknown>): Promise<ConnectorError> {
  const error = await run().then(() => undefined, (e: unknown) => e);
  if (!isConnectorError(error)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

describe('postmark: email', () => {
  let sandbox: PostmarkSandbox;
  let ctx: ConnectorContext;
  const send = (message: OutboundMessage, c = ctx, key = 'idem-1') => sendPostmark(c, message, { idempotencyKey: key });

  beforeAll(async () => {
    sandbox = await startPostmarkSandbox({ signatures: ['alerts@forgeworks.example', 'billing.forgeworks.example'], inactive: ['bounced@example.com'], streams: ['outbound', 'broadcast', 'password-resets'] });
    ctx = await contextFor(sandbox);
  });
  afterAll(async () => sandbox.stop());
  beforeEach(() => sandbox.server.clearLog());

  it('sends From, To, Subject, TextBody and HtmlBody on the connection\'s stream with the server token header', async () => {
    const result = await send({ to: 'ada@example.com, grace@example.com', subject: 'Welcome', text: 'Hello!', data: { html: '<p>Hello!</p>', tag: 'welcome', metadata: { plan: 'pro' } } }, ctx, 'welcome-42');
    expect(result.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.raw).toMatchObject({ To: 'ada@example.com, grace@example.com', ErrorCode: 0, Message: 'OK', SubmittedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}-05:00$/) });
    const request = sandbox.server.requestLog[0]!;
    expect(request.headers['x-postmark-server-token']).toBe(sandbox.serverToken);
    expect(request.headers.accept).toBe('application/json');
    expect(request.body).toEqual({
      From: 'Forgeworks <alerts@forgeworks.example>', To: 'ada@example.com, grace@example.com', Subject: 'Welcome', TextBody: 'Hello!', HtmlBody: '<p>Hello!</p>',
      Tag: 'welcome', Metadata: { plan: 'pro', idempotency_key: 'welcome-42' }, MessageStream: 'outbound',
    });
    expect(sandbox.store.sent.at(-1)).toMatchObject({ messageId: result.id, stream: 'outbound' });
  });

  it('sends on the stream the connection names, or the message overrides', async () => {
    const resets = await contextFor(sandbox, { messageStream: 'password-resets' });
    await send({ to: 'a@example.com', subject: 's', text: 't' }, resets);
    expect(sandbox.store.sent.at(-1)?.stream).toBe('password-resets');
    await send({ to: 'a@example.com', subject: 's', text: 't', data: { messageStream: 'broadcast' } }, resets);
    expect(sandbox.store.sent.at(-1)?.stream).toBe('broadcast');
  });

  it('names MessageStream when the stream does not exist (1235)', async () => {
    const error = await refusal(() => send({ to: 'a@example.com', subject: 's', text: 't', data: { messageStream: 'newsletters' } }));
    expect(error).toMatchObject({ kind: 'validation', status: 422, code: '1235', fields: [{ field: 'MessageStream' }] });
  });

  it('sends from any address at a confirmed domain, and names From when it is not a Sender Signature (400)', async () => {
    await send({ to: 'a@example.com', subject: 's', text: 't', data: { from: 'Billing <invoices@billing.forgeworks.example>' } });
    const error = await refusal(() => send({ to: 'a@example.com', subject: 's', text: 't', data: { from: 'someone@elsewhere.example' } }));
    expect(error).toMatchObject({ kind: 'validation', code: '400', fields: [{ field: 'From' }] });
  });

  it('names To for an inactive recipient (406)', async () => {
    const error = await refusal(() => send({ to: 'bounced@example.com', subject: 's', text: 't' }));
    expect(error).toMatchObject({ kind: 'validation', code: '406', fields: [{ field: 'To' }] });
    expect(error.message).toContain('Found inactive addresses: bounced@example.com');
  });

  it('refuses more than 50 recipients, a bad address and a missing sender before any call', async () => {
    const many = Array.from({ length: 51 }, (_, i) => `r${i}@example.com`).join(', ');
    expect((await refusal(() => send({ to: many, subject: 's', text: 't' }))).fields[0]?.message).toContain('at most 50 recipients');
    expect((await refusal(() => send({ to: 'a@example.com', subject: 's', text: 't', data: { cc: 'nope' } }))).fields.map((f) => f.field)).toEqual(['data.cc.0']);
    const noSender = await contextFor(sandbox, { fromEmail: undefined });
    expect((await refusal(() => send({ to: 'a@example.com', subject: 's', text: 't' }, noSender))).fields.map((f) => f.field)).toEqual(['data.from']);
    expect(sandbox.server.requestLog).toHaveLength(0);
  });

  it('validates without delivering with the POSTMARK_API_TEST token', async () => {
    const before = sandbox.store.sent.length;
    const result = await send({ to: 'a@example.com', subject: 's', text: 't' }, await contextFor(sandbox, {}, TEST_TOKEN));
    expect(result.raw.Message).toBe('Test job accepted');
    expect(sandbox.store.sent).toHaveLength(before);
  });

  it('checks the connection by reading the server', async () => {
    expect(await testPostmarkConnection(ctx)).toEqual({ ok: true, message: 'Connected to the Postmark server "Forgeworks Sandbox".' });
    expect((await testPostmarkConnection(await contextFor(sandbox, {}, '00000000-0000-0000-0000-000000000000'))).ok).toBe(false);
  });
});

describe('postmark: error bodies', () => {
  it('names the fields Postmark\'s sentences name', () => {
    expect(parsePostmarkError({ status: 422, headers: {}, body: { ErrorCode: 300, Message: 'Provide either email TextBody or HtmlBody or both.' } })?.fields?.map((f) => f.field)).toEqual(['TextBody', 'HtmlBody']);
    expect(parsePostmarkError({ status: 422, headers: {}, body: { ErrorCode: 300, Message: 'Zero recipients specified' } })?.fields?.map((f) => f.field)).toEqual(['To']);
    expect(parsePostmarkError({ status: 422, headers: {}, body: { ErrorCode: 300, Message: "Invalid 'From' address: 'x'." } })?.fields?.map((f) => f.field)).toEqual(['From']);
  });

  it('treats an account that may not send as permanent, and a 200 with an ErrorCode as a refusal', () => {
    expect(parsePostmarkError({ status: 422, headers: {}, body: { ErrorCode: 412, Message: 'Account is pending approval.' } })?.kind).toBe('permanent');
    expect(classifyPostmarkOutcome({ status: 200, headers: {}, body: { ErrorCode: 300, Message: 'Invalid email request' } })).toBe('validation');
    expect(classifyPostmarkOutcome({ status: 200, headers: {}, body: { ErrorCode: 0, Message: 'OK', MessageID: 'x' } })).toBeUndefined();
  });
});
