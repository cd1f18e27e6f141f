/**
 * Sandbox fidelity against Twilio's own description of the API (twilio/twilio-oai,
 * twilio_api_v2010.json, in ../shared/specs): the vendored copy still agrees with it, the
 * Message resource has every property of Twilio's schema, and forms that break the schema or
 * Twilio's conditional parameters are refused with Twilio's codes.
 */
import { readFileSync } from 'node:fs';
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractRequestSpec, segments, SPEC_FILE, startTwilioSandbox, VENDORED_SPEC, type RequestSpec, type TwilioSandbox } from './sandbox/index.js';
import { vendorSpecText } from '../../src/sandbox/vendor-specs.js';

const document = JSON.parse(vendorSpecText(SPEC_FILE)) as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };

describe("the Twilio sandbox follows Twilio's description", () => {
  let sandbox: TwilioSandbox;
  const post = async (form: Record<string, string | string[]>, account = sandbox.accountSid) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const item of [v].flat()) body.append(k, item);
    const res = await fetch(`${sandbox.baseUrl}/2010-04-01/Accounts/${account}/Messages.json`, {
      method: 'POST', body, headers: { authorization: `Basic ${Buffer.from(`${sandbox.accountSid}:${sandbox.authToken}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => { sandbox = await startTwilioSandbox({ requestsPerSecond: 30 }); });
  afterAll(async () => sandbox.stop());

  it('vendors the request schema unchanged from ../shared/specs', () => {
    const vendored = JSON.parse(readFileSync(VENDORED_SPEC, 'utf8')) as RequestSpec;
    const fresh = extractRequestSpec(document, 'shared');
    expect({ schema: vendored.schema, schemas: vendored.schemas, conditional: vendored.conditional }).toEqual({ schema: fresh.schema, schemas: fresh.schemas, conditional: fresh.conditional });
    expect(fresh.conditional).toEqual([['from', 'messaging_service_sid'], ['body', 'media_url', 'content_sid']]);
  });

  it('answers a Message resource with every property of Twilio\'s schema', async () => {
    const res = await post({ To: '+14155550120', From: sandbox.from, Body: 'shape' });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(Object.keys(document!.components.schemas['api.v2010.account.message']!.properties).sort());
  });

  it('refuses parameters of the wrong type, naming them', async () => {
    expect((await post({ To: '+14155550121', From: sandbox.from, Body: 'x', ValidityPeriod: 'soon' })).body).toMatchObject({ code: 20001, message: 'Invalid parameter: ValidityPeriod must be integer', status: 400 });
    expect((await post({ To: '+14155550121', From: sandbox.from, Body: 'x', ScheduleType: 'whenever' })).body).toMatchObject({ message: 'Invalid parameter: ScheduleType must be equal to one of the allowed values' });
    expect((await post({ To: '+14155550121', MessagingServiceSid: 'MG123', Body: 'x' })).body).toMatchObject({ message: expect.stringContaining('Invalid parameter: MessagingServiceSid') });
  });

  it('reads booleans and numbers from the form as Twilio does', async () => {
    expect((await post({ To: '+14155550122', From: sandbox.from, Body: 'x', ProvideFeedback: 'true', ValidityPeriod: '600', MaxPrice: '0.05' })).status).toBe(201);
  });

  it('enforces the required To and the conditional sender and content', async () => {
    expect((await post({ From: sandbox.from, Body: 'x' })).body).toMatchObject({ code: 21604, message: "A 'To' phone number is required." });
    expect((await post({ To: '+14155550123', Body: 'x' })).body).toMatchObject({ code: 21603 });
    expect((await post({ To: '+14155550123', From: sandbox.from })).body).toMatchObject({ code: 21602, message: 'Message body is required.' });
    expect((await post({ To: '+14155550123', From: sandbox.from, ContentSid: `HX${'a'.repeat(32)}` })).status).toBe(201);
  });

  it('answers another account\'s path and unknown paths with 20404', async () => {
    const other = `AC${'0'.repeat(32)}`;
    expect((await post({ To: '+14155550124', From: sandbox.from, Body: 'x' }, other)).body).toMatchObject({ code: 20404, status: 404, message: `The requested resource /2010-04-01/Accounts/${other}/Messages.json was not found` });
  });

  it('reports Twilio-Concurrent-Requests and refuses past the limit with 20429', async () => {
    const limited = await startTwilioSandbox({ requestsPerSecond: 1 });
    try {
      const auth = { authorization: `Basic ${Buffer.from(`${limited.accountSid}:${limited.authToken}`).toString('base64')}` };
      const first = await fetch(`${limited.baseUrl}/2010-04-01/Accounts/${limited.accountSid}.json`, { headers: auth });
      expect(first.headers.get('twilio-concurrent-requests')).toBe('1');
      const second = await fetch(`${limited.baseUrl}/2010-04-01/Accounts/${limited.accountSid}.json`, { headers: auth });
      expect(second.status).toBe(429);
      expect(await second.json()).toEqual({ code: 20429, message: 'Too Many Requests', more_info: 'https://www.twilio.com/docs/errors/20429', status: 429 });
    } finally {
      await limited.stop();
    }
  });

  it('counts segments as GSM-7 or UCS-2', () => {
    expect([segments('a'.repeat(160)), segments('a'.repeat(161)), segments('é'.repeat(160)), segments('ø'.repeat(161)), segments('😀'.repeat(70)), segments('😀'.repeat(71))]).toEqual([1, 2, 1, 2, 1, 2]);
  });
});

describe('forge sandbox twilio', () => {
  it('starts through the definition\'s sandbox factory and stops', async () => {
    const factory = (await import('./definition.js')).twilioDefinition.sandbox as SandboxFactory;
    const running = await factory({ port: 0 });
    try {
      expect(running.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(Object.values(running.credentials).every((v) => v.length > 0)).toBe(true);
    } finally {
      await running.stop();
    }
  });
});
