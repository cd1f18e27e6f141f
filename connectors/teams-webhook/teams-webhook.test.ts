/**
 * The Teams incoming-webhook connector against the Teams sandbox's webhook: text wrapped in a
 * MessageCard, a given card sent as is, foreign or lookalike URLs refused before any request
 * (naming `webhookUrl`), and Teams' plain-text answers (and its 200-with-429 quirk) classified.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConnectorContext } from '../../src/connections/context.js';
import { ConnectorRegistry, type ConnectionCheck, type ConnectorContext, type MessagingOperations } from '../../src/registry/index.js';
import { startTeamsSandbox, type TeamsSandbox } from '../teams/sandbox/index.js';
import { teamsWebhookDefinition } from './definition.js';
import { classifyTeamsWebhookOutcome, parseTeamsWebhookError } from './errors.js';
import { cardFor } from './send.js';

const webhook = teamsWebhookDefinition.messaging as MessagingOperations;
const testConnection = teamsWebhookDefinition.testConnection as (ctx: ConnectorContext) => Promise<ConnectionCheck>;
let counter = 0;

describe('Teams incoming webhook connector', () => {
  let sandbox: TeamsSandbox;
  const contextFor = async (webhookUrl: string) => (await buildConnectorContext({
    definition: new ConnectorRegistry().register(teamsWebhookDefinition), authMethodId: 'webhook', config: {}, secrets: async () => ({ webhookUrl }),
    tenant: { workspaceId: 'ws-teams-webhook', connectionId: `teams-webhook-${++counter}` }, sandboxBaseUrl: sandbox.baseUrl, allowSandbox: true,
  })).ctx;

  beforeAll(async () => { sandbox = await startTeamsSandbox(); });
  afterAll(async () => sandbox.stop());

  it('wraps plain text in a MessageCard, and Teams answers 1', async () => {
    expect(cardFor({ text: 'Build green' })).toEqual({ '@type': 'MessageCard', '@context': 'https://schema.org/extensions', text: 'Build green' });
    sandbox.server.clearLog();
    const sent = await webhook.send(await contextFor(sandbox.webhookUrl), { text: 'Build green' }, { idempotencyKey: 'h1' });
    expect(sent).toEqual({ id: 'webhook:h1', raw: '1' });
    expect(sandbox.server.requestLog[0]!.body).toEqual({ '@type': 'MessageCard', '@context': 'https://schema.org/extensions', text: 'Build green' });
    expect(sandbox.messages(sandbox.channels.general).at(-1)).toMatchObject({ body: { content: '<p>Build green</p>' }, from: { application: { displayName: 'Incoming Webhook' } } });
  });

  it('sends a given card as is', async () => {
    const card = { '@type': 'MessageCard', '@context': 'https://schema.org/extensions', summary: 'Deploy', title: 'Deploy done', sections: [{ facts: [{ name: 'env', value: 'prod' }] }] };
    sandbox.server.clearLog();
    await webhook.send(await contextFor(sandbox.webhookUrl), { text: 'ignored', data: { card } }, { idempotencyKey: 'h2' });
    expect(sandbox.server.requestLog[0]!.body).toEqual(card);
  });

  const foreign = [
    ['plain http', 'http://contoso.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d'],
    ['the bare domain', 'https://webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d'],
    ['a lookalike suffix', 'https://contoso.webhook.office.com.evil.example/webhookb2/a@b/IncomingWebhook/c/d'],
    ['a lookalike prefix', 'https://contosowebhook.office.com/webhookb2/a@b/IncomingWebhook/c/d'],
    ['a Power Automate workflow URL', 'https://prod-00.westus.logic.azure.com/workflows/abc/triggers/manual/paths/invoke'],
    ['credentials in the URL', 'https://user:pw@contoso.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d'],
    ['a loopback URL', 'http://127.0.0.1:9/webhookb2/a@b/IncomingWebhook/c/d'],
    ['another path', 'https://contoso.webhook.office.com/api/other'],
  ];
  for (const [what, url] of foreign) {
    it(`refuses ${what} before any request, naming webhookUrl`, async () => {
      sandbox.server.clearLog();
      await expect(webhook.send(await contextFor(url!), { text: 'x' }, { idempotencyKey: 'h3' })).rejects.toMatchObject({ kind: 'validation', fields: [{ field: 'webhookUrl' }] });
      expect(sandbox.server.requestLog).toEqual([]);
    });
  }

  it('maps Teams\' plain-text refusals', async () => {
    const ctx = await contextFor(sandbox.webhookUrl);
    await expect(webhook.send(ctx, { text: '', data: { card: { '@type': 'MessageCard', title: 'no text' } } }, { idempotencyKey: 'h4' })).rejects.toMatchObject({ kind: 'validation', status: 400, fields: [{ field: 'text' }] });
    const unknown = sandbox.webhookUrl.replace(/IncomingWebhook\/[0-9a-f]+\//, 'IncomingWebhook/00000000000000000000000000000000/');
    await expect(webhook.send(await contextFor(unknown), { text: 'x' }, { idempotencyKey: 'h5' })).rejects.toMatchObject({ kind: 'not_found', status: 404 });
    expect(parseTeamsWebhookError({ status: 400, headers: {}, body: 'Bad payload received by generic incoming webhook.' })).toMatchObject({ kind: 'validation', fields: [{ field: 'card' }] });
  });

  it('treats a 200 whose body is not 1 as a failure, transient when it reports a 429', async () => {
    expect(classifyTeamsWebhookOutcome({ status: 200, headers: {}, body: '1' })).toBeUndefined();
    expect(classifyTeamsWebhookOutcome({ status: 200, headers: {}, body: 'Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0,server=msgapi-production-eus-azsc2-4-170,cv=deadbeef.0' })).toBe('transient');
    expect(classifyTeamsWebhookOutcome({ status: 200, headers: {}, body: 'Webhook message delivery failed with error: Microsoft Teams endpoint returned HTTP error 413' })).toBe('permanent');
    sandbox.server.faults.add({ kind: 'status', status: 200, times: 1, headers: { 'content-type': 'text/plain' }, body: 'Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0' });
    await expect(webhook.send(await contextFor(sandbox.webhookUrl), { text: 'x' }, { idempotencyKey: 'h6' })).rejects.toMatchObject({ kind: 'transient' });
    sandbox.server.faults.clear();
  });

  it('checks the connection without posting anything', async () => {
    const before = sandbox.messages(sandbox.channels.general).length;
    expect(await testConnection(await contextFor(sandbox.webhookUrl))).toMatchObject({ ok: true });
    expect(sandbox.messages(sandbox.channels.general)).toHaveLength(before);
    expect(await testConnection(await contextFor('https://evil.example/webhookb2/x'))).toMatchObject({ ok: false, message: expect.stringContaining('webhookUrl') });
  });
});
