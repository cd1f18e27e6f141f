/**
 * SDK fidelity: Postmark's own Node client, `postmark`, pointed at the sandbox with its
 * documented options `requestHost` and `useHttps: false`.
 */
import { Errors, ServerClient } from 'postmark';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostmarkSandbox, type PostmarkSandbox } from './sandbox/index.js';

describe('the official postmark client against the sandbox', () => {
  let sandbox: PostmarkSandbox;
  let client: ServerClient;

  beforeAll(async () => {
    sandbox = await startPostmarkSandbox({ inactive: ['bounced@example.com'] });
    client = new ServerClient(sandbox.serverToken, { requestHost: sandbox.host, useHttps: false });
  });
  afterAll(async () => sandbox.stop());

  it('sends an email on a stream and reads MessageID and SubmittedAt', async () => {
    const sent = await client.sendEmail({ From: 'Forgeworks <alerts@forgeworks.example>', To: 'ada@example.com', Subject: 'Hello from postmark.js', TextBody: 'plain', HtmlBody: '<p>html</p>', MessageStream: 'outbound', Metadata: { order: '42' }, TrackOpens: true });
    expect(sent).toMatchObject({ ErrorCode: 0, Message: 'OK', To: 'ada@example.com' });
    expect(sandbox.store.sent.find((m) => m.messageId === sent.MessageID)?.body).toMatchObject({ Subject: 'Hello from postmark.js', Metadata: { order: '42' } });
    expect(sandbox.server.requestLog.at(-1)?.headers['user-agent']).toMatch(/^Postmark\.JS/i);
  });

  it('reads the server', async () => {
    expect(await client.getServer()).toMatchObject({ ID: 4_130_571, Name: 'Forgeworks Sandbox' });
  });

  it('raises the SDK\'s own errors for a refused email and a bad token', async () => {
    const refused = await client.sendEmail({ From: 'alerts@forgeworks.example', To: 'bounced@example.com', Subject: 's', TextBody: 't' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Errors.ApiInputError);
    expect(refused).toMatchObject({ code: 406, statusCode: 422 });
    const denied = await new ServerClient('00000000-0000-0000-0000-000000000000', { requestHost: sandbox.host, useHttps: false }).getServer().catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(Errors.InvalidAPIKeyError);
  });
});
