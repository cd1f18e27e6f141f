/**
 * Assembles the Salesforce stand-in on the toolkit's SandboxServer: Bearer sessions, the daily
 * API allocation with `Sforce-Limit-Info` on every data answer, SOQL query and queryAll with
 * query locators, sObject rows, external-id upserts, sObject Collections, `/limits`, and the
 * OAuth token endpoint. Levers for tests act as an admin or a user of the org would.
 */
import { bearerToken, FaultInjector, SandboxServer, systemClock, type Clock, type RateLimiter } from '../../../src/sandbox/index.js';
import { registerCollectionRoutes } from './collection-routes.js';
import { errorItems, sessionInvalidBody } from './errors.js';
import { checksum, KEY_PREFIX } from './ids.js';
import { appKeyPair } from './keys.js';
import { dailyLimiter, registerLimitsRoute } from './limits.js';
import { LocatorBook } from './locators.js';
import { registerOAuthRoutes } from './oauth.js';
import type { Principal } from './principal.js';
import { registerQueryRoutes } from './query-routes.js';
import type { SObjectType } from './schema.js';
import { Seeder } from './seed.js';
import { SessionBook } from './sessions.js';
import { registerSObjectRoutes } from './sobject-routes.js';
import { SalesforceStore, type SfEntry } from './store.js';

export interface SalesforceSandboxOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** Records created at start, per sObject type (accounts first, then contacts, then tasks). */
  seed?: Partial<Record<SObjectType, number>>;
  /** The org's daily API allocation. @default 15,000 (Developer Edition) */
  dailyLimit?: number;
  /** @default systemClock */
  clock?: Clock;
  /** Seed of the data and the tokens. @default 1 */
  randomSeed?: number;
}

export interface SalesforceSandbox {
  baseUrl: string;
  server: SandboxServer<Principal>;
  store: SalesforceStore;
  limiter: RateLimiter;
  /** A session of the integration user, as the web server flow would have produced. */
  accessToken: string;
  /** The connected app: consumer key and secret, and the key its certificate was made from. */
  app: { clientId: string; clientSecret: string; privateKeyPem: string; username: string };
  seed(type: SObjectType, count: number): SfEntry[];
  /** Edits a record as a user would: LastModifiedDate and SystemModstamp move to now. */
  touch(type: SObjectType, id: string): SfEntry;
  /** Deletes a record as a user would: to the Recycle Bin, with the cascade. */
  remove(type: SObjectType, id: string): void;
  /** An admin revokes the app's sessions: every token answers 401 INVALID_SESSION_ID. */
  revoke(): void;
  stop(): Promise<void>;
}

const TOUCHED: Record<SObjectType, string> = { Account: 'Description', Contact: 'Title', Task: 'Subject' };
const id18 = (id15: string) => id15 + checksum(id15);

export async function startSalesforceSandbox(options: SalesforceSandboxOptions = {}): Promise<SalesforceSandbox> {
  const clock = options.clock ?? systemClock;
  const seed = options.randomSeed ?? 1;
  const orgId = id18(`${KEY_PREFIX.Organization}5g000000Fwks`);
  const userId = id18(`${KEY_PREFIX.User}5g000000Int1`);
  const store = new SalesforceStore(clock, userId);
  const sessions = new SessionBook(clock, orgId, seed);
  const limiter = dailyLimiter(clock, options.dailyLimit);
  const server = new SandboxServer<Principal>({
    name: 'Salesforce', clock, rateLimit: limiter, faults: new FaultInjector({ seed }),
    auth: (req) => {
      const principal = sessions.check(bearerToken(req));
      return principal ? { ok: true, principal } : { ok: false, response: { status: 401, body: sessionInvalidBody() } };
    },
    notFound: () => ({ status: 404, body: errorItems('NOT_FOUND', 'The requested resource does not exist') }),
    invalidBody: (_req, problem) => ({ status: 400, body: errorItems('JSON_PARSER_ERROR', `Unexpected character: ${problem.message}`) }),
  });
  const keys = appKeyPair();
  const username = 'integration@forgeworks-sandbox.example';
  const app = { clientId: `3MVG9${sessions.secret()}`, clientSecret: sessions.secret().toUpperCase(), privateKeyPem: keys.privateKeyPem, username };
  registerQueryRoutes(server, store, new LocatorBook(clock));
  registerSObjectRoutes(server, store);
  registerCollectionRoutes(server, store);
  registerLimitsRoute(server, limiter);
  registerOAuthRoutes(server, { ...app, publicKey: keys.publicKey, users: new Map([[username, userId]]) }, sessions);
  server.route('GET', '/services/data', { auth: false }, (req) => ({
    status: 200, body: [{ label: "Winter '25", url: '/services/data/v62.0', version: '62.0' }].map((v) => ({ ...v, url: new URL(v.url, req.baseUrl).pathname })),
  }));

  const seeder = new Seeder(store, seed);
  for (const type of ['Account', 'Contact', 'Task'] as const) if (options.seed?.[type]) seeder.seed(type, options.seed[type]);
  const baseUrl = await server.start(options.port ?? 0);
  let touches = 0;
  return {
    baseUrl, server, store, limiter, accessToken: sessions.issue(userId), app,
    seed: (type, count) => seeder.seed(type, count),
    touch: (type, id) => {
      const result = store.update(type, id, { [TOUCHED[type]]: `Edited in Salesforce #${++touches}` });
      if (!result.ok) throw new Error(`cannot touch ${type} ${id}: ${result.problems.map((p) => p.statusCode).join(', ')}`);
      return result.entry;
    },
    remove: (type, id) => void store.delete(type, id),
    revoke: () => sessions.revokeAll(),
    stop: () => server.stop(),
  };
}
