/**
 * Sandbox fidelity against SendGrid's own description of Mail Send (sendgrid/sendgrid-oai, in
 * ../shared/specs): the vendored copy still agrees with it, its example is accepted, and bodies
 * that break the schema or the Mail Send rules are refused with SendGrid's errors.
 */
import { readFileSync } from 'node:fs';
import type { SandboxFactory } from '../../src/cli/sandbox.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractRequestSpec, MailSendValidator, SPEC_FILE, startSendGridSandbox, VENDORED_SPEC, type RequestSpec, type SendGridSandbox } from './sandbox/index.js';
import { vendorSpecText } from '../../src/sandbox/vendor-specs.js';

const document = JSON.parse(vendorSpecText(SPEC_FILE)) as { paths: Record<string, { post: { requestBody: { content: Record<string, { schema: { example: Record<string, unknown> } }> } } }> };
const valid = { personalizations: [{ to: [{ email: 'a@example.com' }] }], from: { email: 'alerts@forgeworks.example' }, subject: 'Hi', content: [{ type: 'text/plain', value: 'Hello' }] };

describe("the SendGrid sandbox follows SendGrid's description", () => {
  let sandbox: SendGridSandbox;
  const send = async (body: unknown, key = sandbox.apiKey) => {
    const res = await fetch(`${sandbox.baseUrl}/v3/mail/send`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as { errors: Array<{ field: string | null; message: string; help: string | null }> }) : undefined };
  };

  beforeAll(async () => { sandbox = await startSendGridSandbox({ authenticatedDomains: ['example.com'] }); });
  afterAll(async () => sandbox.stop());

  it('vendors the request schema unchanged from ../shared/specs', () => {
    const vendored = JSON.parse(readFileSync(VENDORED_SPEC, 'utf8')) as RequestSpec;
    const fresh = extractRequestSpec(document, 'shared');
    expect({ schema: vendored.schema, schemas: vendored.schemas }).toEqual({ schema: fresh.schema, schemas: fresh.schemas });
  });

  it("accepts the description's own example", () => {
    const example = document!.paths['/mail/send']!.post.requestBody.content['application/json']!.schema.example;
    expect(new MailSendValidator().validate(example)).toEqual([]);
  });

  it('reads the top-level custom_args as the key/value pairs it is described as (and @sendgrid/mail sends)', () => {
    const validator = new MailSendValidator();
    expect(validator.validate({ ...valid, custom_args: { order: '42' } })).toEqual([]);
    expect(validator.validate({ ...valid, custom_args: { order: 42 } }).map((p) => p.field)).toContain('custom_args.order');
  });

  it('answers 202 with X-Message-Id and rate-limit headers, no body', async () => {
    const res = await send(valid);
    expect(res.status).toBe(202);
    expect(res.body).toBeUndefined();
    expect(res.headers.get('x-message-id')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(res.headers.get('x-ratelimit-limit')).toBe('600');
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });

  it('lists every schema problem with its field and help link', async () => {
    const res = await send({ personalizations: [{ to: [{ email: 'nope' }] }], from: { email: 'also-nope' }, content: [{ type: 'text/plain', value: '' }] });
    expect(res.status).toBe(400);
    expect(res.body?.errors).toEqual(expect.arrayContaining([
      { field: 'subject', message: expect.stringMatching(/^The subject is required/), help: 'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.subject' },
      { field: 'personalizations.0.to.0.email', message: 'Does not contain a valid address.', help: 'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.personalizations.to.email' },
      { field: 'from.email', message: 'The from email does not contain a valid address.', help: expect.any(String) },
      expect.objectContaining({ field: 'content.0.value' }),
    ]));
  });

  it('enforces the Mail Send rules beyond the schema', async () => {
    expect((await send({ ...valid, content: [{ type: 'text/html', value: '<p>x</p>' }, { type: 'text/plain', value: 'x' }] })).body?.errors[0]?.message).toBe('The text/plain content type must be first, followed by text/html, then any other content.');
    expect((await send({ ...valid, reply_to: { email: 'r@example.com' }, reply_to_list: [{ email: 's@example.com' }] })).body?.errors[0]).toMatchObject({ field: 'reply_to', message: 'reply_to is mutually exclusive with reply_to_list.' });
    expect((await send({ ...valid, personalizations: [{ to: [{ email: 'a@example.com' }], cc: [{ email: 'A@example.com' }] }] })).body?.errors[0]?.field).toBe('personalizations.0');
  });

  it('validates without delivering in sandbox mode (200)', async () => {
    const before = sandbox.store.delivered.length;
    const res = await send({ ...valid, mail_settings: { sandbox_mode: { enable: true } } });
    expect(res.status).toBe(200);
    expect(sandbox.store.delivered).toHaveLength(before);
  });

  it('refuses a missing key, a wrong key and a key without mail.send', async () => {
    const missing = await fetch(`${sandbox.baseUrl}/v3/mail/send`, { method: 'POST', body: '{}' });
    expect(await missing.json()).toEqual({ errors: [{ message: 'authorization required', field: null, help: null }] });
    expect((await send(valid, 'SG.wrong')).body?.errors[0]?.message).toBe('The provided authorization grant is invalid, expired, or revoked');
    const readOnly = await startSendGridSandbox({ scopes: ['scopes.read'] });
    try {
      const res = await fetch(`${readOnly.baseUrl}/v3/mail/send`, { method: 'POST', headers: { authorization: `Bearer ${readOnly.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(valid) });
      expect(res.status).toBe(403);
    } finally {
      await readOnly.stop();
    }
  });

  it('refuses past the limit with 429 and the reset', async () => {
    const limited = await startSendGridSandbox({ requestsPerMinute: 1 });
    try {
      const post = () => fetch(`${limited.baseUrl}/v3/mail/send`, { method: 'POST', headers: { authorization: `Bearer ${limited.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(valid) });
      expect((await post()).status).toBe(202);
      const refused = await post();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(await refused.json()).toEqual({ errors: [{ message: 'too many requests', field: null, help: null }] });
    } finally {
      await limited.stop();
    }
  });
});

describe('forge sandbox sendgrid', () => {
  it('starts through the definition\'s sandbox factory and stops', async () => {
    const factory = (await import('./definition.js')).sendgridDefinition.sandbox as SandboxFactory;
    const running = await factory({ port: 0 });
    try {
      expect(running.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(Object.values(running.credentials).every((v) => v.length > 0)).toBe(true);
    } finally {
      await running.stop();
    }
  });
});
