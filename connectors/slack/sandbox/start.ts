/**
 * Starts the Slack stand-in on the toolkit's SandboxServer: the Web API methods the connector
 * uses, incoming webhooks, Slack's rate limits, and Events API delivery of every change.
 */
import { FaultInjector, SandboxServer, systemClock } from '../../../src/sandbox/index.js';
import { registerApi } from './api.js';
import { TokenRing, type SlackPrincipal } from './auth.js';
import { EventDelivery } from './delivery.js';
import { eventCallback, type AppIdentity } from './events.js';
import type { SlackSandbox, SlackSandboxOptions } from './handle.js';
import { humanLevers } from './human.js';
import { SlackIds } from './ids.js';
import { slackLimiters } from './limits.js';
import { verifyRequestUrl } from './url-verification.js';
import { registerWebhooks, type IncomingWebhook } from './webhook.js';
import { Workspace } from './workspace.js';

export async function startSlackSandbox(options: SlackSandboxOptions = {}): Promise<SlackSandbox> {
  const clock = options.clock ?? systemClock;
  const ids = new SlackIds(options.seed ?? 1);
  const app: AppIdentity = { teamId: ids.id('T'), appId: ids.id('A'), botUserId: ids.id('U'), verificationToken: ids.secret(24) };
  const botId = ids.id('B');
  const botToken = options.botToken ?? ids.botToken();
  const signingSecret = options.signingSecret ?? ids.hex(32);
  const workspace = new Workspace(app.teamId, clock, ids);
  const general = workspace.createChannel('general').id;
  const random = workspace.createChannel('random').id;
  const hook: IncomingWebhook = { teamId: app.teamId, botId: ids.id('B'), secret: ids.secret(24), channel: general, appId: ids.id('A') };

  const tokens = new TokenRing();
  tokens.add({ token: botToken, botId, botUserId: app.botUserId, appId: app.appId });
  const server = new SandboxServer<SlackPrincipal>({
    name: 'Slack', clock, faults: new FaultInjector({ seed: options.seed ?? 1 }), auth: tokens.hook(),
    rateLimit: options.rateLimit === false ? [] : slackLimiters(clock, options.rateLimit),
    notFound: () => ({ status: 404, body: { ok: false, error: 'unknown_method' } }),
    invalidBody: () => ({ status: 200, body: { ok: false, error: 'invalid_json' } }),
  });
  registerApi(server, workspace);
  registerWebhooks(server, workspace, [hook]);

  const delivery = new EventDelivery(() => signingSecret, clock, ids.rng);
  workspace.onChange((change) => {
    const { eventId, payload } = eventCallback(change, app, ids, clock.now());
    delivery.enqueue(eventId, payload);
  });
  const humanUserId = ids.id('U');
  const baseUrl = await server.start(options.port ?? 0);

  return {
    baseUrl, server, workspace, botToken, signingSecret, teamId: app.teamId, appId: app.appId, botId, botUserId: app.botUserId, humanUserId,
    channels: { general, random },
    webhookUrl: `https://hooks.slack.com/services/${hook.teamId}/${hook.botId}/${hook.secret}`,
    createChannel: (name) => workspace.createChannel(name).id,
    archiveChannel: (channel) => { workspace.find(channel)!.archived = true; },
    revokeToken: () => tokens.revoke(botToken),
    restoreToken: () => tokens.restore(botToken),
    ...humanLevers(workspace, humanUserId),
    async setEventsUrl(url) {
      if (url) await verifyRequestUrl(url, app, ids, delivery);
      delivery.url = url;
    },
    setDelivery: (next) => { delivery.options = { ...delivery.options, ...next }; },
    get deliveries() { return delivery.attempts; },
    idle: () => delivery.idle(),
    async stop() {
      delivery.stop();
      await server.stop();
    },
  };
}
