/**
 * SDK fidelity: SendGrid's own Node library, @sendgrid/mail, sends to the sandbox through a
 * @sendgrid/client whose `baseUrl` is set with the documented `setDefaultRequest('baseUrl', …)`.
 */
import sgClient from '@sendgrid/client';
import sgMail from '@sendgrid/mail';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSendGridSandbox, type SendGridSandbox } from './sandbox/index.js';

describe('the official @sendgrid/mail client against the sandbox', () => {
  let sandbox: SendGridSandbox;
  const mail = sgMail;

  beforeAll(async () => {
    sandbox = await startSendGridSandbox();
    // The packages' default instances, configured as their READMEs show.
    sgClient.setApiKey(sandbox.apiKey);
    sgClient.setDefaultRequest('baseUrl', sandbox.baseUrl);
    mail.setClient(sgClient);
  });
  afterAll(async () => sandbox.stop());

  it('sends a mail and reads the message id from the 202', async () => {
    const [response] = await mail.send({ to: 'ada@example.com', from: { email: 'alerts@forgeworks.example', name: 'Forgeworks' }, subject: 'Hello from @sendgrid/mail', text: 'plain', html: '<p>html</p>', categories: ['sdk'], customArgs: { order: '42' } });
    expect(response.statusCode).toBe(202);
    const id = response.headers['x-message-id'] as string;
    expect(sandbox.store.delivered.find((m) => m.messageId === id)?.body).toMatchObject({
      from: { email: 'alerts@forgeworks.example', name: 'Forgeworks' }, subject: 'Hello from @sendgrid/mail',
      content: [{ type: 'text/plain', value: 'plain' }, { type: 'text/html', value: '<p>html</p>' }],
    });
    expect(sandbox.server.requestLog.at(-1)?.headers['user-agent']).toMatch(/^sendgrid\//);
  });

  it('sends one mail per recipient with sendMultiple (one personalization each)', async () => {
    const [response] = await mail.sendMultiple({ to: ['a@example.com', 'b@example.com'], from: 'alerts@forgeworks.example', subject: 'Each their own', text: 'hi' });
    expect(response.statusCode).toBe(202);
    expect((sandbox.server.requestLog.at(-1)?.body as { personalizations: unknown[] }).personalizations).toHaveLength(2);
  });

  it("surfaces SendGrid's errors as the SDK's ResponseError with the errors body", async () => {
    const error = (await mail.send({ to: 'not-an-address', from: 'alerts@forgeworks.example', subject: 'x', text: 'x' }).then(() => undefined, (e: unknown) => e)) as { code: number; response: { body: { errors: Array<{ field: string }> } } };
    expect(error).toMatchObject({ code: 400 });
    expect(error.response.body.errors.map((e) => e.field)).toContain('personalizations.0.to.0.email');
  });
});
