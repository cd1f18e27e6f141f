/**
 * SDK fidelity with Twilio's own Node library, twilio-node. It has no documented way to reach
 * another host: its options only turn api.twilio.com into api.{edge}.{region}.twilio.com, and
 * Twilio's answer to "point it at a mock" is a custom httpClient that rewrites URLs
 * (twilio/twilio-node#326), which is not a fidelity check. So the SDK is used in the parts that
 * need no redirection:
 * - its public `client.request()` (twilio-node's HTTP layer: axios, Basic auth, qs form encoding,
 *   its headers) posts to the sandbox's absolute URL, unchanged;
 * - its own `MessageInstance` deserialises the sandbox's answer and `twilio.RestException` the
 *   sandbox's errors, as `messages.create` would;
 * - `messages.create` itself runs against a recording httpClient that sends nothing, to show the
 *   connector's form is the one the SDK builds.
 */
import twilio from 'twilio';
import { MessageInstance } from 'twilio/lib/rest/api/v2010/account/message.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toTwilioForm } from './message.js';
import { startTwilioSandbox, type TwilioSandbox } from './sandbox/index.js';

interface SdkResponse { statusCode: number; body: unknown; headers: Record<string, string> }

describe('twilio-node against the sandbox', () => {
  let sandbox: TwilioSandbox;
  let client: twilio.Twilio;
  const messagesUri = () => `${sandbox.baseUrl}/2010-04-01/Accounts/${sandbox.accountSid}/Messages.json`;
  const post = (c: twilio.Twilio, data: Record<string, unknown>) => c.request({ method: 'post', uri: messagesUri(), data }) as Promise<SdkResponse>;
  const parse = (res: SdkResponse) => (typeof res.body === 'string' ? JSON.parse(res.body) : res.body) as Record<string, unknown>;

  beforeAll(async () => {
    sandbox = await startTwilioSandbox();
    client = twilio(sandbox.accountSid, sandbox.authToken);
  });
  afterAll(async () => sandbox.stop());

  it('posts a message through the SDK\'s HTTP layer and deserialises the answer as a MessageInstance', async () => {
    const res = await post(client, { To: '+14155550110', From: sandbox.from, Body: 'Ahoy from twilio-node' });
    expect(res.statusCode).toBe(201);
    expect(res.headers['twilio-request-id']).toMatch(/^RQ[0-9a-f]{32}$/);
    const message = new MessageInstance(client.api.v2010, parse(res) as never, sandbox.accountSid);
    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message).toMatchObject({ status: 'queued', to: '+14155550110', from: sandbox.from, body: 'Ahoy from twilio-node', numSegments: '1', numMedia: '0', direction: 'outbound-api', apiVersion: '2010-04-01' });
    expect(message.dateCreated).toBeInstanceOf(Date);
    expect(Number.isNaN(message.dateCreated.getTime())).toBe(false);
    expect(sandbox.server.requestLog.at(-1)?.headers['user-agent']).toMatch(/^twilio-node\//);
  });

  it('sends repeated MediaUrl as the SDK encodes arrays, and authenticates with an API key', async () => {
    const keyed = twilio(sandbox.apiKeySid, sandbox.apiKeySecret, { accountSid: sandbox.accountSid });
    const res = await post(keyed, { To: '+14155550111', MessagingServiceSid: sandbox.messagingServiceSid, MediaUrl: ['https://example.com/1.jpg', 'https://example.com/2.jpg'] });
    const message = new MessageInstance(keyed.api.v2010, parse(res) as never, sandbox.accountSid);
    expect(message).toMatchObject({ status: 'accepted', messagingServiceSid: sandbox.messagingServiceSid, numMedia: '2' });
    expect(message.sid).toMatch(/^MM/);
  });

  it('reads the sandbox\'s errors as RestException, code and link included', async () => {
    const res = await post(client, { To: '+15005550001', From: sandbox.from, Body: 'hi' });
    const error = new twilio.RestException(res);
    expect(error).toMatchObject({ status: 400, code: 21211, moreInfo: 'https://www.twilio.com/docs/errors/21211', message: "The 'To' number +15005550001 is not a valid phone number." });
    const denied = new twilio.RestException(await twilio(sandbox.accountSid, 'f'.repeat(32)).request({ method: 'get', uri: `${sandbox.baseUrl}/2010-04-01/Accounts/${sandbox.accountSid}.json` }) as SdkResponse);
    expect(denied).toMatchObject({ status: 401, code: 20003, message: 'Authenticate' });
  });

  it('fetches the created message back by SID', async () => {
    const created = parse(await post(client, { To: '+14155550112', From: sandbox.from, Body: 'fetch me' }));
    const fetched = await client.request({ method: 'get', uri: `${sandbox.baseUrl}${String(created.uri)}` }) as SdkResponse;
    expect(new MessageInstance(client.api.v2010, parse(fetched) as never, sandbox.accountSid).sid).toBe(created.sid);
  });

  it('builds in messages.create the same form the connector sends (recorded, never sent)', async () => {
    const recorded: Array<{ uri: string; data: Record<string, unknown> }> = [];
    const recorder = { request: async (opts: { uri: string; data: Record<string, unknown> }) => { recorded.push(opts); throw new Error('recorded, not sent'); } };
    const offline = twilio(sandbox.accountSid, sandbox.authToken, { httpClient: recorder as never });
    const params = { to: '+14155550113', from: sandbox.from, body: 'Same form', mediaUrl: ['https://example.com/x.png'], statusCallback: 'https://example.com/status', validityPeriod: 600 };
    await expect(offline.messages.create(params)).rejects.toThrow('recorded, not sent');
    const connector = toTwilioForm({ to: params.to, text: params.body, data: { from: params.from, mediaUrls: params.mediaUrl, statusCallback: params.statusCallback, validityPeriod: 600 } }, {});
    expect(recorded[0]?.uri).toBe(`https://api.twilio.com/2010-04-01/Accounts/${sandbox.accountSid}/Messages.json`);
    const sdkForm = Object.fromEntries(Object.entries(recorded[0]!.data).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v)]));
    const connectorForm = Object.fromEntries([...new Set(connector.keys())].map((k) => [k, k === 'MediaUrl' ? connector.getAll(k) : connector.get(k)]));
    expect(connectorForm).toEqual(sdkForm);
  });
});
