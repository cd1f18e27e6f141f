import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isConnectorError, type ConnectorError } from '../../src/core/index.js';
import type { ConnectorContext, OutboundMessage } from '../../src/registry/index.js';
import { messagingConformance } from '../../test/conformance/messaging.js';
import { twilioDefinition } from './definition.js';
import { parseTwilioError } from './errors.js';
import { testTwilioConnection } from './health.js';
import { startTwilioSandbox, twilioMessagingSandbox, type TwilioSandbox } from './sandbox/index.js';
import { sendTwilio } from './send.js';
import { contextFor } from './test-context.js';

messagingConformance({
  definition: twilioDefinition,
  start: ({ canary }) => twilioMessagingSandbox({ canary }),
  validMessage: (i) => ({ to: `+1415555${String(2000 + i).slice(-4)}`, text: `Your code is ${100000 + i}` }),
  invalidMessage: () => ({ message: { to: '(415) 555-0100', text: 'hello' }, field: 'to' }),
  secretField: 'authToken',
  refusal: { status: 400, field: 'To' },
  idempotency: { dedupes: false, why: 'Twilio takes no idempotency key on Messages; I-Twilio-Idempotency-Token only marks the webhooks Twilio sends' },
});

async function refusal(run: () => Promise<unknown>): Promise<ConnectorError> {
  const error = await run().then(() => undefined, (e: unknown) => e);
  if (!isConnectorError(error)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

describe('twilio: sending', () => {
  let sandbox: TwilioSandbox;
  let ctx: ConnectorContext;
  const send = (message: OutboundMessage, c = ctx) => sendTwilio(c, message, { idempotencyKey: 'k' });

  beforeAll(async () => {
    sandbox = await startTwilioSandbox();
    ctx = await contextFor(sandbox);
  });
  afterAll(async () => sandbox.stop());
  beforeEach(() => sandbox.server.clearLog());

  it('creates a Message with To, From and Body, form-encoded with Basic auth, and returns its SID', async () => {
    const result = await send({ to: '+14155550100', text: 'Ahoy from Forgeworks' });
    expect(result.id).toMatch(/^SM[0-9a-f]{32}$/);
    expect(result.raw).toMatchObject({ status: 'queued', to: '+14155550100', from: '+15005550006', num_segments: '1', direction: 'outbound-api' });
    const request = sandbox.server.requestLog[0]!;
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${sandbox.accountSid}:${sandbox.authToken}`).toString('base64')}`);
    expect(request.body).toEqual({ To: '+14155550100', From: '+15005550006', Body: 'Ahoy from Forgeworks' });
  });

  it('sends through a Messaging Service with media, an MMS the service will route (accepted)', async () => {
    const c = await contextFor(sandbox, { config: { from: '', messagingServiceSid: sandbox.messagingServiceSid } });
    const result = await send({ to: '+14155550101', text: '', data: { mediaUrls: ['https://example.com/a.png', 'https://example.com/b.png'] } }, c);
    expect(result.id).toMatch(/^MM/);
    expect(result.raw).toMatchObject({ status: 'accepted', from: null, messaging_service_sid: sandbox.messagingServiceSid, num_media: '2' });
    expect(sandbox.server.requestLog[0]?.body).toEqual({ To: '+14155550101', MessagingServiceSid: sandbox.messagingServiceSid, MediaUrl: ['https://example.com/a.png', 'https://example.com/b.png'] });
  });

  it('authenticates with an API key as well', async () => {
    const c = await contextFor(sandbox, { method: 'api_key' });
    expect((await send({ to: '+14155550102', text: 'via API key' }, c)).id).toMatch(/^SM/);
  });

  it('refuses a message without a sender, naming data.from, before any call', async () => {
    const c = await contextFor(sandbox, { config: { from: undefined } });
    const error = await refusal(() => send({ to: '+14155550103', text: 'no sender' }, c));
    expect(error).toMatchObject({ kind: 'validation', fields: [{ field: 'data.from' }] });
    expect(sandbox.server.requestLog).toHaveLength(0);
  });

  it('refuses a body over 1,600 characters before any call', async () => {
    const error = await refusal(() => send({ to: '+14155550104', text: 'x'.repeat(1601) }));
    expect(error.fields.map((f) => f.field)).toEqual(['text']);
    expect(sandbox.server.requestLog).toHaveLength(0);
  });

  it.each([
    ['+15005550001', 21211, 'To'], ['+15005550002', 21612, 'To'], ['+15005550003', 21408, 'To'], ['+15005550004', 21610, 'To'], ['+15005550009', 21614, 'To'],
  ])('maps the test credentials\' magic recipient %s to Twilio error %i naming %s', async (to, code, field) => {
    const error = await refusal(() => send({ to, text: 'hi' }));
    expect(error).toMatchObject({ kind: 'validation', status: 400, code: String(code), fields: [{ field }] });
    expect(error.message).toContain(`https://www.twilio.com/docs/errors/${code}`);
  });

  it('names From when the number is not the account\'s (21606)', async () => {
    const error = await refusal(() => send({ to: '+14155550105', text: 'hi', data: { from: '+14155559999' } }));
    expect(error).toMatchObject({ kind: 'validation', code: '21606', fields: [{ field: 'From' }] });
  });

  it('refuses a wrong auth token as permanent (20003)', async () => {
    const c = await contextFor(sandbox, { secrets: { authToken: 'f'.repeat(32) } });
    const error = await refusal(() => send({ to: '+14155550106', text: 'hi' }, c));
    expect(error).toMatchObject({ kind: 'permanent', status: 401, code: '20003' });
  });

  it('checks the connection by reading the account, never keeping its auth token', async () => {
    const check = await testTwilioConnection(ctx);
    expect(check).toEqual({ ok: true, message: 'Connected to Forgeworks Sandbox.' });
    expect(JSON.stringify(check)).not.toContain(sandbox.authToken);
  });

  it('fails closed without the Account SID, naming it', async () => {
    const error = await contextFor(sandbox, { config: { accountSid: undefined } }).then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toContain('"accountSid" is missing');
  });
});

describe('twilio: error bodies', () => {
  it('keeps Twilio\'s code, sentence and link, and names the parameter', () => {
    expect(parseTwilioError({ status: 400, headers: {}, body: { code: 21211, message: "The 'To' number +1555 is not a valid phone number.", more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 } })).toEqual({
      code: '21211', message: "21211 The 'To' number +1555 is not a valid phone number. (https://www.twilio.com/docs/errors/21211)",
      fields: [{ field: 'To', message: "The 'To' number +1555 is not a valid phone number." }],
    });
    expect(parseTwilioError({ status: 400, headers: {}, body: { code: 20001, message: 'Invalid parameter: ValidityPeriod must be integer', status: 400 } })?.fields).toEqual([{ field: 'ValidityPeriod', message: 'Invalid parameter: ValidityPeriod must be integer' }]);
  });
});
