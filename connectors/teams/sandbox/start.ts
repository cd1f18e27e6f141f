/**
 * Starts the Teams stand-in on the toolkit's SandboxServer: the identity platform's token
 * endpoint, Graph's channel-message and subscription routes, change notifications, and an
 * incoming webhook (for the teams-webhook connector).
 */
import { FaultInjector, RateLimiter, SandboxServer, systemClock, type Clock } from '../../../src/sandbox/index.js';
import { errorAnswer } from './answers.js';
import type { TeamsSandbox, TeamsSandboxOptions } from './handle.js';
import { humanLevers } from './human.js';
import { registerTokenEndpoint, TokenBook, type AppRegistration, type GraphPrincipal } from './identity.js';
import { GraphIds } from './ids.js';
import { registerMessageRoutes } from './messages.js';
import { Notifier } from './notifier.js';
import { registerSubscriptionRoutes, SubscriptionBook } from './subscriptions.js';
import { Tenant, type Author } from './tenant.js';
import { registerWebhook } from './webhook.js';

function limiter(options: TeamsSandboxOptions['rateLimit'], clock: Clock): RateLimiter[] {
  if (!options) return [];
  return [new RateLimiter({
    ...options, clock, key: (req) => (req.auth as GraphPrincipal | undefined)?.appId ?? 'anonymous', match: (req) => req.path.startsWith('/v1.0/'),
    onLimited: (state) => errorAnswer({ headers: {} }, 429, 'TooManyRequests', 'Too many requests.', { 'retry-after': String(Math.max(1, Math.ceil(state.retryAfterMs / 1000))) }),
  })];
}

export async function startTeamsSandbox(options: TeamsSandboxOptions = {}): Promise<TeamsSandbox> {
  const ids = new GraphIds(options.seed ?? 1);
  const clock = systemClock;
  const tenantId = ids.guid();
  const app: AppRegistration = { tenantId, clientId: ids.guid(), clientSecret: options.clientSecret ?? `fwS8Q~${ids.hex(34)}`, displayName: 'Forgeworks Bridge' };
  const tenant = new Tenant(tenantId, ids, clock);
  const teamId = tenant.createTeam('Forgeworks');
  const general = tenant.createChannel(teamId, 'General');
  const random = tenant.createChannel(teamId, 'Random');
  const tokens = new TokenBook(ids, clock);
  const userId = ids.guid();
  const userToken = tokens.issue({ kind: 'user', appId: app.clientId, userId });
  const people = new Map([[userId, 'Forgeworks Bridge']]);
  const authorOf = (p: GraphPrincipal): Author => (p.kind === 'user'
    ? { user: { id: p.userId!, displayName: people.get(p.userId!) ?? 'User', userIdentityType: 'aadUser', tenantId } }
    : { application: { id: p.appId, displayName: app.displayName, applicationIdentityType: 'bot' } });

  const server = new SandboxServer<GraphPrincipal>({
    name: 'Microsoft Graph', clock, faults: new FaultInjector({ seed: options.seed ?? 1 }), auth: tokens.hook(), rateLimit: limiter(options.rateLimit, clock),
    notFound: (req) => errorAnswer(req, 400, 'BadRequest', `Resource not found for the segment '${req.path.split('/').filter(Boolean).pop() ?? ''}'.`),
    invalidBody: (req) => errorAnswer(req, 400, 'BadRequest', 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'),
  });
  registerTokenEndpoint(server, app, tokens);
  registerMessageRoutes(server, { tenant, permissions: options.permissions ?? 'lenient', authorOf });
  const book = new SubscriptionBook(clock);
  registerSubscriptionRoutes(server, tenant, book, ids);
  const hook = { group: `${ids.guid()}@${tenantId}`, hook: ids.hex(32), owner: ids.guid(), channel: general, appId: ids.guid() };
  registerWebhook(server, tenant, [hook]);
  const notifier = new Notifier(book, tenantId, ids.rng);
  tenant.onChange((change) => notifier.notify(change));

  const humanUserId = ids.guid();
  people.set(humanUserId, 'Ada Lovelace');
  const baseUrl = await server.start(options.port ?? 0);
  const ref = (channelId: string) => `${teamId}/${channelId}`;
  return {
    baseUrl, server, tenant, tenantId, clientId: app.clientId, clientSecret: app.clientSecret, clientState: options.clientState ?? `cs-${ids.hex(32)}`,
    userToken, userId, humanUserId, teamId, channels: { general: ref(general.id), random: ref(random.id) },
    webhookUrl: `https://forgeworks.webhook.office.com/webhookb2/${hook.group}/IncomingWebhook/${hook.hook}/${hook.owner}`,
    createChannel: (name) => ref(tenant.createChannel(teamId, name).id),
    ...humanLevers(tenant, { user: { id: humanUserId, displayName: 'Ada Lovelace', userIdentityType: 'aadUser', tenantId } }),
    subscriptions: () => book.active(),
    setDelivery: (next) => { notifier.options = { ...notifier.options, ...next }; },
    get deliveries() { return notifier.attempts; },
    advanceTime: (ms) => book.age(ms),
    revokeTokens: () => tokens.revokeAll(),
    revokeClientSecret: () => { app.secretExpired = true; tokens.revokeAll(); },
    restoreClientSecret: () => { app.secretExpired = false; },
    revokeConsent: () => { tokens.consentRevoked = true; },
    restoreConsent: () => { tokens.consentRevoked = false; },
    idle: () => notifier.idle(),
    async stop() {
      notifier.stop();
      await server.stop();
    },
  };
}
