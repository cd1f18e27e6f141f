/**
 * Starts the Zendesk Support stand-in on the toolkit's SandboxServer: API-token and OAuth auth,
 * Zendesk's rate limits, the incremental exports, users, organizations, deleted tickets and
 * background jobs, and levers for tests (seed, touch, remove, revoke) that act as an agent would.
 */
import { FaultInjector, SandboxServer, systemClock, type Clock } from '../../../src/sandbox/index.js';
import { AccessBook, OWNER, type Principal } from './auth.js';
import { invalidEndpoint, recordInvalid } from './errors.js';
import { JobBook } from './jobs.js';
import { zendeskLimiters, type LimitOptions } from './limits.js';
import type { RouteContext } from './routing.js';
import { registerExportRoutes } from './routes/exports.js';
import { registerOrganizationRoutes } from './routes/organizations.js';
import { registerTicketRoutes } from './routes/tickets.js';
import { registerUserRoutes } from './routes/users.js';
import { Seeder } from './seed.js';
import { ZendeskStore, type ObjectName } from './store.js';

export interface ZendeskSandboxOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** Records created at start. @default none */
  seed?: Partial<Record<ObjectName, number>>;
  /** Zendesk's limits; `false` turns them off. @default 10 exports and 700 requests a minute */
  rateLimit?: LimitOptions | false;
  /** Changes this recent are left out of exports. @default 60_000, Zendesk's one minute */
  exportDelayMs?: number;
  /** From a bulk call to its completed job. @default 500 */
  jobDelayMs?: number;
  /** @default systemClock */
  clock?: Clock;
  /** Seeds tokens, job ids and data. @default 1 */
  randomSeed?: number;
}

export interface ZendeskSandbox {
  baseUrl: string;
  server: SandboxServer<Principal>;
  store: ZendeskStore;
  /** The account owner's email and API token, and an OAuth access token. */
  email: string;
  apiToken: string;
  oauthToken: string;
  seed(object: ObjectName, count: number): string[];
  /** Edits a record as an agent would, moving its change time to now. */
  touch(object: ObjectName, id: string): void;
  /** Deletes as Zendesk does: users softly, organizations for good, tickets into deleted tickets. */
  remove(object: ObjectName, id: string): void;
  /** Deactivates the API token and the OAuth grant. */
  revoke(): void;
  stop(): Promise<void>;
}

export async function startZendeskSandbox(options: ZendeskSandboxOptions = {}): Promise<ZendeskSandbox> {
  const clock = options.clock ?? systemClock;
  const randomSeed = options.randomSeed ?? 1;
  const store = new ZendeskStore(clock);
  const access = new AccessBook(randomSeed);
  const server = new SandboxServer<Principal>({
    name: 'Zendesk', clock, faults: new FaultInjector({ seed: randomSeed }),
    rateLimit: options.rateLimit === false ? [] : zendeskLimiters(clock, options.rateLimit),
    auth: (req) => access.check(req),
    notFound: () => invalidEndpoint(),
    invalidBody: (_req, problem) => recordInvalid({ body: [{ description: `Body: ${problem.message}`, error: 'InvalidJSON' }] }, 400),
  });
  const ctx: RouteContext = { server, store, jobs: new JobBook(clock, options.jobDelayMs ?? 500, randomSeed), exportDelayMs: options.exportDelayMs ?? 60_000 };
  registerExportRoutes(ctx);
  registerUserRoutes(ctx);
  registerOrganizationRoutes(ctx);
  registerTicketRoutes(ctx);

  const seeder = new Seeder(store, randomSeed);
  for (const [object, count] of Object.entries(options.seed ?? {})) seeder.seed(object as ObjectName, count ?? 0);
  const baseUrl = await server.start(options.port ?? 0);
  let touches = 0;

  return {
    baseUrl, server, store, email: OWNER.email, apiToken: access.apiToken, oauthToken: access.oauthToken,
    seed: (object, count) => seeder.seed(object, count),
    touch: (object, id) => {
      const note = `Edited in Zendesk #${++touches}`;
      const entry = object === 'users' ? store.users.update(id, { notes: note })
        : object === 'organizations' ? store.organizations.update(id, { notes: note })
          : store.tickets.update(id, (t) => ({ ...t, status: t.status === 'open' ? 'pending' : 'open', tags: [...t.tags, `touch-${touches}`] }));
      if (!entry) throw new Error(`no ${object} record ${id} to touch`);
    },
    remove: (object, id) => {
      const done = object === 'users' ? store.deleteUser(id) : object === 'organizations' ? store.deleteOrganization(id) : store.deleteTicket(id);
      if (!done) throw new Error(`no ${object} record ${id} to remove`);
    },
    revoke: () => access.revoke(),
    stop: () => server.stop(),
  };
}
