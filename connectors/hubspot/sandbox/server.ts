/**
 * Assembles the HubSpot stand-in on the toolkit's SandboxServer: Bearer auth (private app and
 * OAuth tokens), HubSpot's rate limits and headers, the CRM v3 object routes, search, v4
 * association reads and the OAuth token endpoint, plus levers for tests (seed, touch, archive,
 * revoke) that act as a HubSpot user would.
 */
import { bearerToken, FaultInjector, SandboxServer, systemClock, type Clock, type RateLimiter } from '../../../src/sandbox/index.js';
import { registerAssociationRoutes } from './associations.js';
import { errorBody, expiredBody, missingScopesBody, unauthorizedBody } from './errors.js';
import type { RouteContext } from './input.js';
import { registerOAuthRoutes, type OAuthOptions } from './oauth.js';
import type { ObjectType } from './objects.js';
import { hubspotRateLimiters, type RateLimitOptions } from './rate-limits.js';
import { registerReadRoutes } from './read-routes.js';
import { registerSearchRoute, SEARCH_CAP } from './search.js';
import { Seeder } from './seed.js';
import { HubspotStore, type StoredEntry } from './store.js';
import { requiredScope, TokenBook, type Principal } from './tokens.js';
import { registerWriteRoutes } from './write-routes.js';

export interface HubspotSandboxOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** Records created at start, per object type. @default none */
  seed?: Partial<Record<ObjectType, number>>;
  /** HubSpot's limits; `false` turns them off. @default 100 per 10 s, 250,000 a day, search 5/s */
  rateLimit?: RateLimitOptions | false;
  /** Record timestamps, token expiry and rate-limit windows. @default systemClock */
  clock?: Clock;
  /** Seed of the data, ids and tokens, so a run replays. @default 1 */
  randomSeed?: number;
  oauth?: OAuthOptions;
  /** Results a search may page through. @default 10_000, HubSpot's cap */
  searchCap?: number;
  /** Milliseconds between seeded records' modification times. @default 10 minutes */
  seedSpacingMs?: number;
}

export interface HubspotSandbox {
  baseUrl: string;
  server: SandboxServer<Principal>;
  store: HubspotStore;
  /** The private app token the sandbox accepts (`pat-na1-…`). */
  token: string;
  /** A registered OAuth app, for the authorization-code flow. */
  oauthClient: { clientId: string; clientSecret: string };
  limiters: readonly RateLimiter[];
  seed(type: ObjectType, count: number): StoredEntry[];
  /** Edits a record as a user would, moving its modification time to now. */
  touch(type: ObjectType, id: string): StoredEntry;
  /** Deletes a record the HubSpot way: archived, restorable, listed with `archived=true`. */
  archive(type: ObjectType, id: string): void;
  /** Uninstalls the app / deletes the private app: every token answers 401 from now on. */
  revoke(): void;
  /** A code as `/oauth/authorize` would hand back after consent to `scopes` (default: all four). */
  issueAuthorizationCode(redirectUri: string, options?: { codeChallenge?: string; scopes?: string[] }): string;
  stop(): Promise<void>;
}

const TOUCHED: Record<ObjectType, string> = { contacts: 'jobtitle', companies: 'description', notes: 'hs_note_body' };

export async function startHubspotSandbox(options: HubspotSandboxOptions = {}): Promise<HubspotSandbox> {
  const clock = options.clock ?? systemClock;
  const randomSeed = options.randomSeed ?? 1;
  const store = new HubspotStore(clock);
  const book = new TokenBook(clock, randomSeed);
  const limiters = options.rateLimit === false ? [] : hubspotRateLimiters(clock, options.rateLimit);
  const server = new SandboxServer<Principal>({
    name: 'HubSpot', clock, rateLimit: limiters, faults: new FaultInjector({ seed: randomSeed }),
    auth: (req) => {
      const check = book.check(bearerToken(req));
      if (!check.ok) return { ok: false, response: { status: 401, body: check.expiredMinutesAgo ? expiredBody(check.expiredMinutesAgo) : unauthorizedBody() } };
      const scope = requiredScope(req.method, req.path);
      if (scope && !check.principal.scopes.includes(scope)) return { ok: false, response: { status: 403, body: missingScopesBody(scope) } };
      return { ok: true, principal: check.principal };
    },
    notFound: (req) => ({ status: 404, body: errorBody('OBJECT_NOT_FOUND', `Unable to route ${req.method} ${req.path}`) }),
    invalidBody: (_req, problem) => ({ status: 400, body: errorBody('VALIDATION_ERROR', `Invalid input JSON on line 1: ${problem.message}`) }),
  });
  const ctx: RouteContext = { server, store };
  registerReadRoutes(ctx);
  registerWriteRoutes(ctx);
  registerSearchRoute(ctx, options.searchCap ?? SEARCH_CAP);
  registerAssociationRoutes(ctx);
  registerOAuthRoutes(server as SandboxServer<unknown>, book, options.oauth);

  const seeder = new Seeder(store, randomSeed, options.seedSpacingMs);
  for (const [type, count] of Object.entries(options.seed ?? {})) seeder.seed(type as ObjectType, count ?? 0);
  const token = book.addPrivateApp();
  const oauthClient = book.addClient();
  const baseUrl = await server.start(options.port ?? 0);
  let touches = 0;

  return {
    baseUrl, server, store, token, oauthClient, limiters,
    seed: (type, count) => seeder.seed(type, count),
    touch: (type, id) => {
      const entry = store.collections[type].update(id, (data) => ({ ...data, properties: { ...data.properties, [TOUCHED[type]]: `Edited in HubSpot #${++touches}` } }));
      if (!entry) throw new Error(`no ${type} record ${id} to touch`);
      return entry;
    },
    archive: (type, id) => store.archive(type, id),
    revoke: () => book.revokeAll(),
    issueAuthorizationCode: (redirectUri, codeOptions) => book.issueCode(oauthClient.clientId, redirectUri, codeOptions),
    stop: () => server.stop(),
  };
}
