/**
 * Assembles the Jira Cloud stand-in on the toolkit's SandboxServer: Basic auth with an email and
 * API token (anonymous reads where Jira allows them), the burst and per-issue rate limits, the
 * enhanced search, issues, transitions and users, plus levers for tests (seed, touch, remove,
 * revoke) that act as a Jira user or admin would.
 */
import { basicCredentials, FaultInjector, SandboxServer, seededRng, systemClock, type Clock, type RateLimiter, type SandboxRequest } from '../../../src/sandbox/index.js';
import type { Principal, RouteContext } from './context.js';
import { errorBody, unauthorized } from './errors.js';
import { registerIssueRoutes } from './issue-routes.js';
import { jiraRateLimiters, type RateLimitOptions } from './rate-limits.js';
import { registerSearchRoute } from './search-route.js';
import { Seeder } from './seed.js';
import { JiraStore, type IssueEntry, type UserEntry } from './store.js';
import { registerTransitionRoutes } from './transition-routes.js';
import { registerUserRoutes } from './user-routes.js';

export type SeedableObject = 'issues' | 'users';

export interface JiraSandboxOptions {
  /** @default 0 (any free port) */
  port?: number;
  seed?: Partial<Record<SeedableObject, number>>;
  /** `false` turns the limits off. @default 100 per endpoint and method a second, 20 writes per issue per 10 s */
  rateLimit?: RateLimitOptions | false;
  /** @default systemClock */
  clock?: Clock;
  /** Seed of the data, account ids and the token, so a run replays. @default 1 */
  randomSeed?: number;
  /** How far the search index trails writes. @default 0 */
  searchLagMs?: number;
  /** The API user's profile zone: JQL dates are read in it. @default 'America/Los_Angeles' */
  timeZone?: string;
  /** @default 10 minutes */
  seedSpacingMs?: number;
}

export interface JiraSandbox {
  baseUrl: string;
  server: SandboxServer<Principal>;
  store: JiraStore;
  /** The API user's email (the Basic user name) and API token (the password). */
  email: string;
  apiToken: string;
  accountId: string;
  limiters: readonly RateLimiter[];
  seed(object: SeedableObject, count: number): Array<IssueEntry | UserEntry>;
  /** Edits as a user would: the issue's summary, or the account's display name. */
  touch(object: SeedableObject, id: string): void;
  /** Deletes an issue (for good), or deletes an account (it stays listed, inactive, as "Former user"). */
  remove(object: SeedableObject, id: string): void;
  /** Revokes the API token: every call with it answers 401 from now on. */
  revoke(): void;
  stop(): Promise<void>;
}

/** Reads Jira serves without credentials (with what anonymous users may see: here, nothing). */
const ANONYMOUS_READS = [/^GET \/rest\/api\/3\/search\/jql$/, /^POST \/rest\/api\/3\/search\/jql$/, /^GET \/rest\/api\/3\/users(\/search)?$/];

function apiToken(seed: number): string {
  const rng = seededRng(seed + 17);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  return `ATATT3xFfGF0${Array.from({ length: 48 }, () => alphabet[Math.floor(rng() * alphabet.length)]).join('')}`;
}

export async function startJiraSandbox(options: JiraSandboxOptions = {}): Promise<JiraSandbox> {
  const clock = options.clock ?? systemClock;
  const randomSeed = options.randomSeed ?? 1;
  const store = new JiraStore(clock, options.searchLagMs ?? 0);
  const seeder = new Seeder(store, randomSeed, options.seedSpacingMs);
  const email = 'integration@example.com';
  const admin = seeder.user({ displayName: 'Forgeworks Integration', email, timeZone: options.timeZone ?? 'America/Los_Angeles' });
  seeder.user({ displayName: 'Automation for Jira', email: 'automation@connect.atlassian.com', accountType: 'app', emailVisible: false });
  seeder.users(4);
  const token = apiToken(randomSeed);
  let revoked = false;

  const limiters = options.rateLimit === false ? [] : jiraRateLimiters(clock, options.rateLimit);
  const server = new SandboxServer<Principal>({
    name: 'Jira', clock, rateLimit: limiters, faults: new FaultInjector({ seed: randomSeed }),
    auth: (req: SandboxRequest) => {
      if (req.headers.authorization === undefined) {
        return ANONYMOUS_READS.some((r) => r.test(`${req.method} ${req.path}`)) ? { ok: true, principal: { accountId: null } } : { ok: false, response: unauthorized() };
      }
      const creds = basicCredentials(req);
      if (revoked || !creds || creds.username.toLowerCase() !== email || creds.password !== token) return { ok: false, response: unauthorized() };
      return { ok: true, principal: { accountId: admin.id } };
    },
    notFound: (req) => ({ status: 404, body: errorBody([`null for uri: ${req.baseUrl}${req.url}`]) }),
    invalidBody: (_req, problem) => ({ status: 400, body: errorBody([`Unexpected character in the JSON body: ${problem.message}`]) }),
  });
  const ctx: RouteContext = { server, store };
  registerSearchRoute(ctx);
  registerIssueRoutes(ctx);
  registerTransitionRoutes(ctx);
  registerUserRoutes(ctx);
  for (const [object, count] of Object.entries(options.seed ?? {})) seed(object as SeedableObject, count ?? 0);
  const baseUrl = await server.start(options.port ?? 0);
  let edits = 0;

  function seed(object: SeedableObject, count: number): Array<IssueEntry | UserEntry> {
    return object === 'users' ? seeder.users(count) : seeder.issues(count, admin.id);
  }

  return {
    baseUrl, server, store, email, apiToken: token, accountId: admin.id, limiters, seed,
    touch: (object, id) => {
      const done = object === 'issues'
        ? store.updateIssue(id, (issue) => ({ ...issue, summary: `${issue.summary.replace(/ \(edited \d+\)$/, '')} (edited ${++edits})` }))
        : store.users.update(id, (user) => ({ ...user, displayName: `${user.displayName.replace(/ \(\d+\)$/, '')} (${++edits})` }));
      if (!done) throw new Error(`no ${object} record ${id} to touch`);
    },
    remove: (object, id) => {
      if (object === 'issues') store.removeIssue(id);
      // Atlassian keeps a deleted account listed: inactive, renamed "Former user", email gone.
      else store.users.update(id, (user) => ({ ...user, active: false, displayName: 'Former user', emailVisible: false }));
    },
    revoke: () => { revoked = true; },
    stop: () => server.stop(),
  };
}
