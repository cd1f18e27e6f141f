/**
 * Sandbox fidelity against Meta's own description of the Cloud API (facebook/openapi,
 * business-messaging-api_v23.0.yaml, in ../shared/specs): the vendored copy still agrees with
 * it, its examples validate (except where the description contradicts itself, pinned below),
 * and refusals come in Graph's words. WhatsApp has no official Node SDK (Meta paused its
 * WhatsApp-Nodejs-SDK in June 2023, WhatsApp/WhatsApp-Nodejs-SDK#31; none is installed), so
 * there is no client fidelity test.
 */
import { readFileSync } from 'node:fs';
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractRequestSpec, MessageValidator, parseYaml, SPEC_FILE, startWhatsAppSandbox, VENDORED_SPEC, type RequestSpec, type WhatsAppSandbox } from './sandbox/index.js';
import { vendorSpecText } from '../../src/sandbox/vendor-specs.js';

const document = parseYaml(vendorSpecText(SPEC_FILE)) as { paths: Record<string, { post: { requestBody: { content: Record<string, { examples: Record<string, { value: unknown }> }> } } }> };

/** Examples the description refuses by its own schema, and the first path each fails on. */
const SELF_CONTRADICTIONS: Record<string, string> = {
  // `link` placeholders such as <http(s)://audio-url> are not URLs.
  'Send Audio Message by URL': 'audio', 'Send Document Message by URL': 'document', 'Send Image Message by URL': 'image', 'Send Video Message by URL': 'video',
  'Send Reply to Audio Message by URL': 'audio', 'Send Reply to Document Message by URL': 'document', 'Send Reply to Image Message by URL': 'image', 'Send Reply to Video Message by URL': 'video',
  // `language.policy` is required by the schema and missing from the examples.
  'Send Catalog Template Message': 'template.language', 'Send Flow Template Message': 'template.language', 'Send Message Template Interactive': 'template.language',
  'Send Message Template Media': 'template.language', 'Send Message Template Text': 'template.language', 'Send Sample Shipping Confirmation Template': 'template.language',
  'Send Sample Text Message': 'template.language', 'Send Test Message': 'template.language',
  // A button `index` given as a number, where the schema wants a string.
  'Send Sample Issue Resolution Template': 'template.components.1.index',
  // Coordinates as numbers, where the schema wants strings.
  'Send Location Message': 'location.latitude', 'Send Reply to Location Message': 'location.latitude',
  // Interactive types and header types the schema's enums do not list.
  'Send Multi-Product Message': 'interactive.header.type', 'Send Order Details Message': 'interactive.type', 'Send Order Status Message': 'interactive.type',
  // No `type` (so text) with an `interactive` body; a read receipt, which is not a Message.
  'Send Reply to List Message': '', 'Send typing indicator and read receipt': '',
};

describe("the WhatsApp sandbox follows Meta's description", () => {
  it('vendors the request schemas unchanged from ../shared/specs', () => {
    const vendored = JSON.parse(readFileSync(VENDORED_SPEC, 'utf8')) as RequestSpec;
    const fresh = extractRequestSpec(document, 'shared');
    expect(vendored.schema).toEqual(fresh.schema);
    expect(vendored.schemas).toEqual(fresh.schemas);
  });

  it("accepts every example of Meta's description except its pinned self-contradictions", () => {
    const validator = new MessageValidator();
    const examples = document!.paths['/{Version}/{Phone-Number-ID}/messages']!.post.requestBody.content['application/json']!.examples;
    const failing = Object.fromEntries(Object.entries(examples).flatMap(([name, { value }]) => {
      const problem = validator.validate(value)[0];
      return problem ? [[name, problem.path.join('.')]] : [];
    }));
    expect(failing).toEqual(SELF_CONTRADICTIONS);
    expect(Object.keys(examples).length - Object.keys(failing).length).toBeGreaterThanOrEqual(25);
  });

  it('validates against the vendored extract of the schemas as well', () => {
    const vendored = JSON.parse(readFileSync(VENDORED_SPEC, 'utf8')) as RequestSpec;
    const validator = new MessageValidator(vendored);
    expect(validator.types).toEqual(['text', 'audio', 'document', 'image', 'location', 'video', 'sticker', 'reaction', 'interactive', 'template', 'contacts']);
    expect(validator.validate({ messaging_product: 'whatsapp', to: '+14155550100', type: 'text', text: { body: 'hi' } })).toEqual([]);
  });
});

describe('the WhatsApp sandbox answers in Graph\'s words', () => {
  let sandbox: WhatsAppSandbox;
  const post = async (body: unknown, token = sandbox.accessToken, path = `/v23.0/${sandbox.phoneNumberId}/messages`) => {
    const res = await fetch(`${sandbox.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, headers: res.headers, body: (await res.json()) as { error?: { message: string; code: number; error_data?: { details: string }; fbtrace_id: string } } };
  };

  beforeAll(async () => { sandbox = await startWhatsAppSandbox(); });
  afterAll(async () => sandbox.stop());

  it('names a missing required parameter', async () => {
    const res = await post({ to: '+14155550100', type: 'text', text: { body: 'hi' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ message: '(#100) The parameter messaging_product is required.', code: 100, fbtrace_id: expect.any(String) });
  });

  it('names a parameter of the wrong type, Graph style', async () => {
    const res = await post({ messaging_product: 'whatsapp', to: '+14155550100', type: 'text', text: { body: 42 } });
    expect(res.body.error?.message).toBe("(#100) Param text['body'] must be string.");
  });

  it('refuses a key the description does not know', async () => {
    const res = await post({ messaging_product: 'whatsapp', to: '+14155550100', type: 'text', text: { body: 'hi' }, urgent: true });
    expect(res.body.error).toMatchObject({ message: '(#100) Invalid parameter', error_data: { details: 'Unexpected key "urgent" on the request.' } });
  });

  it('refuses an unknown message type and a product other than whatsapp', async () => {
    expect((await post({ messaging_product: 'whatsapp', to: '+14155550100', type: 'poll' })).body.error?.message).toMatch(/^\(#100\) Param type must be one of text, audio/);
    expect((await post({ messaging_product: 'sms', to: '+14155550100', type: 'text', text: { body: 'hi' } })).body.error?.message).toBe('(#100) Param messaging_product must be one of {WHATSAPP} - got "sms".');
  });

  it('refuses a missing or wrong token with code 190, and accepts access_token in the query', async () => {
    const res = await post({ messaging_product: 'whatsapp', to: '+14155550100', type: 'text', text: { body: 'hi' } }, 'EAAJnotthetoken');
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 190, message: 'Invalid OAuth access token - Cannot parse access token' });
    const viaQuery = await fetch(`${sandbox.baseUrl}/v23.0/${sandbox.phoneNumberId}?access_token=${sandbox.accessToken}&fields=display_phone_number`);
    expect(await viaQuery.json()).toEqual({ display_phone_number: '+1 555-010-0001', id: sandbox.phoneNumberId });
  });

  it('answers an unknown path as Graph does', async () => {
    const res = await post({}, sandbox.accessToken, '/v23.0/me/feed/extra');
    expect(res.body.error).toMatchObject({ code: 2500, message: 'Unknown path components: /v23.0/me/feed/extra' });
  });

  it('reports usage in x-business-use-case-usage and Graph headers on every send', async () => {
    const res = await post({ messaging_product: 'whatsapp', to: '+14155550100', type: 'text', text: { body: 'hi' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('facebook-api-version')).toBe('v23.0');
    expect(JSON.parse(res.headers.get('x-business-use-case-usage')!)).toEqual({ '102290129340398': [expect.objectContaining({ type: 'whatsapp', estimated_time_to_regain_access: 0 })] });
  });

  it('limits one recipient to a burst of 45 in six seconds (131056)', async () => {
    const burst = await startWhatsAppSandbox({ limits: { pairBurst: 2, throughputPerSecond: false } });
    try {
      const send = () => fetch(`${burst.baseUrl}/v23.0/${burst.phoneNumberId}/messages`, { method: 'POST', headers: { authorization: `Bearer ${burst.accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ messaging_product: 'whatsapp', to: '+14155550101', type: 'text', text: { body: 'hi' } }) });
      expect((await send()).status).toBe(200);
      expect((await send()).status).toBe(200);
      const third = await send();
      expect(third.status).toBe(400);
      expect(((await third.json()) as { error: { code: number } }).error.code).toBe(131056);
    } finally {
      await burst.stop();
    }
  });
});

describe('forge sandbox whatsapp', () => {
  it('starts through the definition\'s sandbox factory and stops', async () => {
    const factory = (await import('./definition.js')).whatsappDefinition.sandbox as SandboxFactory;
    const running = await factory({ port: 0 });
    try {
      expect(running.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(Object.values(running.credentials).every((v) => v.length > 0)).toBe(true);
    } finally {
      await running.stop();
    }
  });
});
