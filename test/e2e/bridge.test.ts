/**
 * The Slack ↔ Teams bridge end to end over loopback: the platform (API, inbound hooks, pg-boss
 * hub worker) between the Slack and Teams sandboxes, which deliver signed Events API requests
 * and Graph change notifications (some duplicated) as the vendors do. A message written in one
 * appears once in the other, replies land in the copy's thread, edits and deletes follow, a post
 * made while the platform is down arrives through the vendor's retries after the restart, and
 * nothing is ever echoed back. Forged deliveries are refused.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody, startSlackSandbox, type SlackSandbox } from '../../connectors/slack/sandbox/index.js';
import { startTeamsSandbox, type TeamsSandbox } from '../../connectors/teams/sandbox/index.js';
import { servePlatform, type RunningPlatform } from '../../src/cli/serve.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const ADMIN = 'fw_bridge_e2e_key_0123456789abcdef';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Slack ↔ Teams bridge', () => {
  let database: TestDatabase;
  let slack: SlackSandbox;
  let teams: TeamsSandbox;
  let platform: RunningPlatform;
  let port: number;
  const env = () => ({ FORGE_ADMIN_KEY: ADMIN, CONNECTOR_ENCRYPTION_KEY: encryptionKey });
  const encryptionKey = randomBytes(32).toString('hex');
  const start = async () => servePlatform({ port, databaseUrl: database.url, sandboxEgress: true, logLevel: 'warn' }, env());

  beforeAll(async () => {
    database = await createTestDatabase();
    [slack, teams, port] = await Promise.all([startSlackSandbox({ rateLimit: false }), startTeamsSandbox({ rateLimit: false }), freePort()]);
    // Redeliveries as the vendors make them, compressed in time; a third of deliveries doubled.
    slack.setDelivery({ duplicateRate: 0.3, retryDelaysMs: [300, 1000, 3000, 6000, 10_000] });
    teams.setDelivery({ duplicateRate: 0.3, retryDelaysMs: [300, 1000, 3000, 6000, 10_000] });
    platform = await start();
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
    await Promise.all([slack?.stop(), teams?.stop()]);
    await database?.close();
  });

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${platform.url}${path}`, { method, headers: { authorization: `Bearer ${ADMIN}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  const slackGeneral = () => slack.messages(slack.channels.general);
  const teamsGeneral = () => teams.messages(teams.channels.general);
  const teamsText = (m: { body: { content: string } }) => m.body.content.replace(/<[^>]+>/g, '');

  it('carries posts, replies, edits and deletes both ways exactly once, across a restart, and never echoes', async () => {
    const org = await api('POST', '/api/v1/orgs', { name: 'Bridge org' });
    const ws = await api('POST', `/api/v1/orgs/${org.body.id}/workspaces`, { name: 'Bridge ws' });
    const base = `/api/v1/workspaces/${ws.body.id}`;
    const slackConnection = await api('POST', `${base}/connections`, {
      connectorId: 'slack', name: 'Slack', authMethod: 'bot_token', config: { botId: slack.botId },
      credentials: { botToken: slack.botToken, signingSecret: slack.signingSecret }, sandboxBaseUrl: slack.baseUrl,
    });
    expect(slackConnection.status, JSON.stringify(slackConnection.body)).toBe(201);
    const teamsConnection = await api('POST', `${base}/connections`, {
      connectorId: 'teams', name: 'Teams', authMethod: 'app_only', config: { tenantId: teams.tenantId },
      credentials: { clientId: teams.clientId, clientSecret: teams.clientSecret, clientState: teams.clientState }, sandboxBaseUrl: teams.baseUrl,
    });
    expect(teamsConnection.status, JSON.stringify(teamsConnection.body)).toBe(201);

    const bridge = await api('POST', `${base}/bridges`, {
      name: 'Support', a: { connection_id: slackConnection.body.id, channel: slack.channels.general }, b: { connection_id: teamsConnection.body.id, channel: teams.channels.general },
    });
    expect(bridge.status, JSON.stringify(bridge.body)).toBe(201);
    // Creating the bridge subscribed the Teams end (Graph validated our URL first).
    expect((bridge.body.b as { subscriptionExpiresAt: string | null }).subscriptionExpiresAt).not.toBeNull();
    expect(teams.subscriptions()).toHaveLength(1);
    await slack.setEventsUrl(`${platform.url}/hooks/messaging/${slackConnection.body.id}`);

    // Slack → Teams, Teams → Slack, and a Slack thread reply landing under the copy.
    const fromSlack = slack.postAsHuman(slack.channels.general, 'hello from Slack');
    const copyInTeams = await until('the Slack post in Teams', () => teamsGeneral().find((m) => teamsText(m) === 'hello from Slack'));
    const fromTeams = teams.postAsHuman(teams.channels.general, 'hello from Teams');
    await until('the Teams post in Slack', () => slackGeneral().find((m) => m.text === 'hello from Teams'));
    slack.postAsHuman(slack.channels.general, 'a reply in Slack', { threadId: fromSlack });
    const replyInTeams = await until('the reply in Teams', () => teamsGeneral().find((m) => teamsText(m) === 'a reply in Slack'));
    expect(replyInTeams.replyToId).toBe(copyInTeams.id);

    // Down and up again: a post made meanwhile reaches Teams through Slack's retries.
    await platform.stop();
    slack.postAsHuman(slack.channels.general, 'written while the platform was down');
    platform = await start();
    await until('the post made during the restart', () => teamsGeneral().find((m) => teamsText(m) === 'written while the platform was down'));

    slack.editAsHuman(slack.channels.general, fromSlack, 'hello from Slack, edited');
    await until('the Slack edit in Teams', () => teamsGeneral().find((m) => m.id === copyInTeams.id && teamsText(m) === 'hello from Slack, edited'));
    teams.editAsHuman(teams.channels.general, fromTeams, 'hello from Teams, edited');
    await until('the Teams edit in Slack', () => slackGeneral().find((m) => m.text === 'hello from Teams, edited'));

    teams.deleteAsHuman(teams.channels.general, fromTeams);
    await until('the Teams delete in Slack', () => !slackGeneral().some((m) => m.text.startsWith('hello from Teams')));
    slack.deleteAsHuman(slack.channels.general, fromSlack);
    await until('the Slack delete in Teams', () => teamsGeneral().find((m) => m.id === copyInTeams.id && m.deletedDateTime !== null));

    // Let every retry and duplicate drain, then count: each human message crossed once, nothing came back.
    await Promise.all([slack.idle(), teams.idle()]);
    await new Promise((r) => setTimeout(r, 3000));
    const liveTeams = teamsGeneral().filter((m) => m.deletedDateTime === null).map(teamsText).sort();
    expect(liveTeams).toEqual(['a reply in Slack', 'written while the platform was down']);
    // Slack's side holds only its own people's messages (the sandbox drops a reply with its deleted root).
    const slackTexts = slackGeneral().map((m) => m.text);
    expect(slackTexts).toContain('written while the platform was down');
    expect(slackTexts.filter((t) => t.includes('Teams'))).toEqual([]);
    expect(new Set(slackTexts).size).toBe(slackTexts.length);
    expect(slack.deliveries.filter((d) => d.retryNum === 0).length).toBeGreaterThan(5);
    const ledger = await api('GET', `${base}/bridges/${bridge.body.id}`);
    expect((ledger.body.messages as unknown[]).length).toBe(4);
  }, 180_000);

  it('refuses a Slack delivery with a bad signature or a stale timestamp, and a Graph notification with a wrong clientState', async () => {
    const { rows } = await platform.runtime.database.pool.query<{ id: string; connector_id: string }>(`select id, connector_id from connections where connector_id in ('slack', 'teams')`);
    const slackId = rows.find((r) => r.connector_id === 'slack')!.id;
    const teamsId = rows.find((r) => r.connector_id === 'teams')!.id;
    const body = JSON.stringify({ type: 'event_callback', event_id: 'Ev1', event: { type: 'message', channel: slack.channels.general, text: 'forged', ts: '1.000001', user: 'U1' } });
    const post = (path: string, headers: Record<string, string>, payload: string) => fetch(`${platform.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload });
    const now = Math.floor(Date.now() / 1000);
    const forged = await post(`/hooks/messaging/${slackId}`, { 'x-slack-request-timestamp': String(now), 'x-slack-signature': 'v0=' + '0'.repeat(64) }, body);
    expect(forged.status).toBe(401);
    const stale = await post(`/hooks/messaging/${slackId}`, { 'x-slack-request-timestamp': String(now - 600), 'x-slack-signature': signBody(slack.signingSecret, String(now - 600), body) }, body);
    expect(stale.status).toBe(401);
    const refusedText = `${await forged.text()} ${await stale.text()}`;
    expect(refusedText).not.toContain(slack.signingSecret);
    const notification = JSON.stringify({ value: [{ subscriptionId: teams.subscriptions()[0]!.id, clientState: 'not-the-secret-at-all', changeType: 'created', resource: 'x', resourceData: { id: 'x' } }] });
    const wrongState = await post(`/hooks/messaging/${teamsId}`, {}, notification);
    expect(wrongState.status).toBe(202);
    expect(await wrongState.text()).not.toContain(teams.clientState);
    // None of them crossed: no message says "forged".
    await new Promise((r) => setTimeout(r, 1500));
    expect(teamsGeneral().some((m) => teamsText(m) === 'forged')).toBe(false);
  }, 60_000);
});
