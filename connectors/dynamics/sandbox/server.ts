/**
 * Assembles the Dynamics 365 stand-in: the identity platform's token endpoint and the Dataverse
 * Web API on one port (hosts.ts keeps their logs and faults apart), bearer tokens bound to the
 * environment they were asked for, service protection limits, contacts, accounts and tasks with
 * change tracking, `$batch`, and levers for tests that act as the environment's users would.
 */
import { bearerToken, seededRng, systemClock, uuidIds, type Clock, type RateLimiter } from '../../../src/sandbox/index.js';
import { noSegment, tokenRefused } from './errors.js';
import { HostFaults, TwoHostServer } from './hosts.js';
import { registerTokenRoute, TokenBook, type AppRegistration } from './identity.js';
import { serviceProtection, type LimitOptions } from './limits.js';
import type { DvServer, Principal } from './principal.js';
import { registerApiRoutes } from './routes.js';
import { ACCOUNT, CONTACT, tableBySet, TASK, type Table } from './schema.js';
import { Seeder, SEED_ORDER } from './seed.js';
import { DataverseStore } from './store.js';

export type SetName = 'contacts' | 'accounts' | 'tasks';

export interface DynamicsSandboxOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** Rows created at start (accounts first, then contacts, then tasks). */
  seed?: Partial<Record<SetName, number>>;
  /** Service protection limits; `false` turns them off. @default 6,000 requests per 300 s */
  limits?: LimitOptions | false;
  /** The organization's ExpireChangeTrackingInDays. @default 7 */
  expireDays?: number;
  /** @default 3599 */
  tokenLifetimeSeconds?: number;
  /** Tables with "Track changes" off: no delta links. @default none */
  untracked?: SetName[];
  /** @default systemClock */
  clock?: Clock;
  /** Seeds ids, secrets and data. @default 1 */
  randomSeed?: number;
}

export interface DynamicsSandbox {
  baseUrl: string;
  server: TwoHostServer<Principal>;
  store: DataverseStore;
  tokens: TokenBook;
  limiter: RateLimiter | undefined;
  app: AppRegistration;
  /** What a connection to this environment is configured with. */
  config: { tenantId: string; environmentHost: string };
  userId: string;
  seed(set: SetName, count: number): string[];
  /** Primary keys of the rows that exist. */
  liveIds(set: SetName): string[];
  /** Edits a row as a user would: `modifiedon` and the row version move on. */
  touch(set: SetName, id: string): void;
  /** Deletes a row as a user would; change tracking reports it. */
  remove(set: SetName, id: string): void;
  /** An admin deletes the client secret and the app's sessions end. */
  revoke(): void;
  stop(): Promise<void>;
}

export const ENVIRONMENT_HOST = 'forgeworks.crm.dynamics.com';
const TOUCHED: Record<SetName, string> = { contacts: 'jobtitle', accounts: 'description', tasks: 'subject' };

export function tableOf(set: string): Table {
  const table = tableBySet(set);
  if (!table) throw new Error(`the Dynamics sandbox has no table "${set}"`);
  return table;
}

export async function startDynamicsSandbox(options: DynamicsSandboxOptions = {}): Promise<DynamicsSandbox> {
  const clock = options.clock ?? systemClock;
  const randomSeed = options.randomSeed ?? 1;
  const guid = uuidIds({ seed: randomSeed + 7 });
  const rng = seededRng(randomSeed + 11);
  const app: AppRegistration = { tenantId: guid(), clientId: guid(), clientSecret: `Fw8Q~${Array.from({ length: 34 }, () => 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'[Math.floor(rng() * 57)]).join('')}` };
  const who = { UserId: guid(), BusinessUnitId: guid(), OrganizationId: guid() };
  const tokens = new TokenBook(clock, options.tokenLifetimeSeconds);
  const store = new DataverseStore(clock, uuidIds({ seed: randomSeed }), { id: who.UserId, table: 'systemuser' });
  const limiter = options.limits === false ? undefined : serviceProtection(clock, options.limits);
  const faults = new HostFaults(randomSeed);
  const server: DvServer = new TwoHostServer<Principal>({
    name: 'Dynamics 365', clock, faults, rateLimit: limiter ? [limiter] : [],
    auth: (req) => {
      const issued = tokens.check(bearerToken(req));
      // A token for another resource (Graph, another environment) is refused like a bad one.
      if (!issued || issued.audience.replace(/\/$/, '') !== `https://${ENVIRONMENT_HOST}`) return { ok: false, response: tokenRefused(app.tenantId, ENVIRONMENT_HOST) };
      return { ok: true, principal: { clientId: issued.clientId, userId: who.UserId } };
    },
    notFound: (req) => noSegment(req.path.split('/').filter(Boolean).at(-1) ?? '').toResponse(),
  });
  registerTokenRoute(server, app, tokens);
  registerApiRoutes(server, { store, clock, expireDays: options.expireDays ?? 7, untracked: new Set(options.untracked ?? []), faults: server.faults, who });
  const seeder = new Seeder(store, randomSeed);
  for (const table of SEED_ORDER) {
    const count = options.seed?.[table.set as SetName];
    if (count) seeder.seed(table, count);
  }
  const baseUrl = await server.start(options.port ?? 0);
  let touches = 0;
  return {
    baseUrl, server: server as TwoHostServer<Principal>, store, tokens, limiter, app, userId: who.UserId,
    config: { tenantId: app.tenantId, environmentHost: ENVIRONMENT_HOST },
    seed: (set, count) => seeder.seed(tableOf(set), count).map((row) => row.id),
    liveIds: (set) => store.liveIds(tableOf(set)),
    touch: (set, id) => {
      const table = tableOf(set);
      if (!store.update(table, id, { [TOUCHED[set]]: `Edited in Dynamics #${++touches}` })) throw new Error(`cannot touch ${set} ${id}: no such row`);
    },
    remove: (set, id) => void store.delete(tableOf(set), id),
    revoke: () => tokens.revokeAll(),
    stop: () => server.stop(),
  };
}

export { ACCOUNT, CONTACT, TASK };
