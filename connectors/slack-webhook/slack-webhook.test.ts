/**
 * The incoming-webhook connector against the Slack sandbox's webhook endpoint: posts land in the
 * webhook's channel, foreign or lookalike URLs are refused before any request (naming
 * `webhookUrl`), and Slack's plain-text errors become the platform's kinds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConnectorContext } from '../../src/connections/context.js';
import { ConnectorRegistry, type ConnectionCheck, type ConnectorContext, type MessagingOperations } from '../../src/registry/index.js';
import { startSlackSandbox, type SlackSandbox } from '../slack/sandbox/index.js';
import { slackWebhookDefinition } from './definition.js';
import { parseWebhookError } from './errors.js';

const webhook = slackWebhookDefinition.messaging as MessagingOperations;
const testConnection = slackWebhookDefinition.testConnection as (ctx: ConnectorContext) => Promise<ConnectionCheck>;
let counter = 0;

describe('Slack incoming webhook connector', () => {
  let sandbox: SlackSandbox;
  const contextFor = async (webhookUrl: string) => (await buildConnectorContext({
    definition: new ConnectorRegistry().register(slackWebhookDefinition), authMethodId: 'webhook', config: {}, secrets: async () => ({ webhookUrl }),
    tenant: { workspaceId: 'ws-slack-webhook', connectionId: `slack-webhook-${++counter}` }, sandboxBaseUrl: sandbox.baseUrl, allowSandbox: true,
  })).ctx;

  beforeAll(async () => { sandbox = await startSlackSandbox({ rateLimit: false }); });
  afterAll(async () => sandbox.stop());

  it('posts into the webhook\'s channel as a bot message, and into a thread', async () => {
    const ctx = await contextFor(sandbox.webhookUrl);
    const sent = await webhook.send(ctx, { text: 'Deploy finished' }, { idempotencyKey: 'w1' });
    expect(sent).toEqual({ id: 'webhook:w1', raw: 'ok' });
    const posted = sandbox.messages(sandbox.channels.general).at(-1)!;
    expect(posted).toMatchObject({ subtype: 'bot_message', text: 'Deploy finished', username: 'incoming-webhook' });
    await webhook.send(ctx, { text: 'details', threadId: posted.ts }, { idempotencyKey: 'w2' });
    expect(sandbox.messages(sandbox.channels.general).at(-1)).toMatchObject({ text: 'details', thread_ts: posted.ts });
  });

  const foreign = [
    ['plain http', 'http://hooks.slack.com/services/T0AAAAAAAA/B0BBBBBBBB/abcdefabcdef'],
    ['another host', 'https://hooks.example.com/services/T0AAAAAAAA/B0BBBBBBBB/abcdefabcdef'],
    ['a lookalike suffix', 'https://hooks.slack.com.evil.example/services/T0AAAAAAAA/B0BBBBBBBB/abcdefabcdef'],
    ['credentials in the URL', 'https://hooks.slack.com@evil.example/services/T0AAAAAAAA/B0BBBBBBBB/abcdefabcdef'],
    ['another port', 'https://hooks.slack.com:8443/services/T0AAAAAAAA/B0BBBBBBBB/abcdefabcdef'],
    ['a loopback URL', 'http://127.0.0.1:9/services/T0AAAAAAAA/B0BBBBBBBB/abcdefabcdef'],
    ['not a webhook path', 'https://hooks.slack.com/../api/chat.postMessage'],
    ['not a URL', 'hooks.slack.com/services/x'],
  ];
  for (const [what, url] of foreign) {
    it(`refuses ${what} before any request, naming webhookUrl`, async () => {
      sandbox.server.clearLog();
      const ctx = await contextFor(url!);
      await expect(webhook.send(ctx, { text: 'secret plans' }, { idempotencyKey: 'w3' })).rejects.toMatchObject({ kind: 'validation', fields: [{ field: 'webhookUrl' }] });
      expect(sandbox.server.requestLog).toEqual([]);
    });
  }

  it('maps Slack\'s plain-text answers: a wrong secret and a removed webhook are permanent, no text is validation', async () => {
    const wrongSecret = sandbox.webhookUrl.replace(/[^/]+$/, 'notTheSecret000000000000');
    await expect(webhook.send(await contextFor(wrongSecret), { text: 'x' }, { idempotencyKey: 'w4' })).rejects.toMatchObject({ kind: 'permanent', code: 'invalid_token', status: 403 });
    const removed = sandbox.webhookUrl.replace(/\/B[A-Z0-9]+\//, '/B0REMOVED00/');
    await expect(webhook.send(await contextFor(removed), { text: 'x' }, { idempotencyKey: 'w5' })).rejects.toMatchObject({ kind: 'permanent', code: 'no_service', status: 404 });
    await expect(webhook.send(await contextFor(sandbox.webhookUrl), { text: '' }, { idempotencyKey: 'w6' })).rejects.toMatchObject({ kind: 'validation', code: 'no_text', fields: [{ field: 'text' }] });
    expect(parseWebhookError({ status: 410, headers: {}, body: 'channel_is_archived' })).toMatchObject({ kind: 'permanent' });
    expect(parseWebhookError({ status: 400, headers: {}, body: 'invalid_payload' })).toMatchObject({ kind: 'validation', fields: [{ field: 'payload' }] });
    expect(parseWebhookError({ status: 502, headers: {}, body: '<html>bad gateway</html>' })).toBeUndefined();
  });

  it('checks the connection without posting anything', async () => {
    const before = sandbox.messages(sandbox.channels.general).length;
    expect(await testConnection(await contextFor(sandbox.webhookUrl))).toMatchObject({ ok: true });
    expect(sandbox.messages(sandbox.channels.general)).toHaveLength(before);
    expect(await testConnection(await contextFor(sandbox.webhookUrl.replace(/[^/]+$/, 'nope0000')))).toMatchObject({ ok: false });
    expect(await testConnection(await contextFor('https://evil.example/services/T0A/B0B/c'))).toMatchObject({ ok: false, message: expect.stringContaining('webhookUrl') });
  });
});
