/**
 * Assembles the NetSuite stand-in on the toolkit's SandboxServer: token-based authentication
 * with signature, realm, timestamp and nonce checks; concurrency governance; the record service
 * for contacts, customers and phone calls; the SuiteQL query service with the deletion log; and
 * levers for tests (seed, touch, remove, revoke) that act as a user of the account would.
 */
import { FaultInjector, SandboxServer, systemClock, type Clock } from '../../../src/sandbox/index.js';
import { ConcurrencyGate, type ConcurrencyOptions } from './concurrency.js';
import { invalidPath, nsError } from './errors.js';
import { registerRecordRoutes } from './record-routes.js';
import type { RecordType } from './schema.js';
import { Seeder } from './seed.js';
import { NetsuiteStore } from './store.js';
import { SuiteqlTables } from './suiteql/tables.js';
import { registerSuiteqlRoutes } from './suiteql-routes.js';
import { TokenBook, type Principal, type TbaCredentials } from './tba.js';

export interface NetsuiteSandboxOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** The account id (the OAuth realm). @default '1234567_SB1', a first sandbox account */
  accountId?: string;
  /** Records created at start (customers first, then contacts, then phone calls). */
  seed?: Partial<Record<RecordType, number>>;
  /** Concurrency governance. @default 5 requests in flight, answered at once */
  concurrency?: ConcurrencyOptions;
  /** @default systemClock */
  clock?: Clock;
  /** Seeds the credentials and the data. @default 1 */
  randomSeed?: number;
}

export interface NetsuiteSandbox {
  baseUrl: string;
  server: SandboxServer<Principal>;
  store: NetsuiteStore;
  tokens: TokenBook;
  gate: ConcurrencyGate;
  accountId: string;
  credentials: TbaCredentials;
  seed(type: RecordType, count: number): string[];
  /** Edits a record as a user would: its last-modified time moves to now. */
  touch(type: RecordType, id: string): void;
  /** Deletes a record as a user would; it goes into the deletion log. */
  remove(type: RecordType, id: string): void;
  /** Revokes the access token. */
  revoke(): void;
  stop(): Promise<void>;
}

const TOUCHED: Record<RecordType, string> = { contact: 'comments', customer: 'comments', phonecall: 'message' };

export async function startNetsuiteSandbox(options: NetsuiteSandboxOptions = {}): Promise<NetsuiteSandbox> {
  const clock = options.clock ?? systemClock;
  const seed = options.randomSeed ?? 1;
  const accountId = options.accountId ?? '1234567_SB1';
  const store = new NetsuiteStore(clock);
  const tokens = new TokenBook(clock, accountId, seed);
  const gate = new ConcurrencyGate(options.concurrency);
  const server = new SandboxServer<Principal>({
    name: 'NetSuite', clock, faults: new FaultInjector({ seed }),
    auth: (req) => tokens.check(req),
    notFound: (req) => invalidPath(req.path),
    invalidBody: (_req, problem) => nsError(400, [{ detail: `Invalid content in the request body: ${problem.message}`, 'o:errorCode': 'INVALID_CONTENT' }]),
  });
  registerRecordRoutes(server, gate, store);
  registerSuiteqlRoutes(server, gate, new SuiteqlTables(store));

  const seeder = new Seeder(store, seed);
  for (const type of ['customer', 'contact', 'phonecall'] as const) if (options.seed?.[type]) seeder.seed(type, options.seed[type]);
  const baseUrl = await server.start(options.port ?? 0);
  let touches = 0;
  return {
    baseUrl, server, store, tokens, gate, accountId, credentials: tokens.credentials,
    seed: (type, count) => seeder.seed(type, count),
    touch: (type, id) => {
      if (!store.touch(type, id, { [TOUCHED[type]]: `Edited in NetSuite #${++touches}` })) throw new Error(`no ${type} ${id} to touch`);
    },
    remove: (type, id) => {
      if (!store.remove(type, id)) throw new Error(`no ${type} ${id} to remove`);
    },
    revoke: () => tokens.revoke(),
    stop: () => server.stop(),
  };
}
