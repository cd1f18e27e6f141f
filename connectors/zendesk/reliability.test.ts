/**
 * The shared reliability suites against the Zendesk sandbox: users streamed (incremental user
 * export, 1,000 a page) through worker crashes, faults and a revoked token; users loaded (bulk
 * jobs, 100 a call) through a crash and random faults. The sandbox runs with the suites'
 * options (export limit raised, no export delay: sandbox/conformance.ts says why). Counts are
 * scaled to about 20 s per suite on a busy 2-core machine, except the load crash (see there).
 */
import { loadReliabilitySuite, type LoadSandbox } from '../../test/conformance/load-reliability.js';
import { streamReliabilitySuite } from '../../test/conformance/stream-reliability.js';
import type { Rng, SandboxServer } from '../../src/sandbox/index.js';
import { zendeskDefinition } from './definition.js';
import { EXPORT_PAGE_SIZE } from './resources.js';
import { SUBDOMAIN, SUITE_OPTIONS, startZendeskSandbox, zendeskConformanceSandbox, zendeskErrorResponse } from './sandbox/index.js';

type Rec = Record<string, unknown>;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

streamReliabilitySuite({
  definition: zendeskDefinition, start: () => zendeskConformanceSandbox(), object: 'users', pageSize: EXPORT_PAGE_SIZE,
  crash: { records: 12_000, kills: 3 },
  // 1,000 users a page: 25 pages give the faults enough requests to land on.
  faults: { records: 25_000 },
});

async function start(): Promise<LoadSandbox> {
  const sandbox = await startZendeskSandbox(SUITE_OPTIONS);
  return {
    baseUrl: sandbox.baseUrl, authMethodId: 'api_token', credentials: { email: sandbox.email, apiToken: sandbox.apiToken }, config: { subdomain: SUBDOMAIN },
    server: sandbox.server as SandboxServer<unknown>,
    unavailable: () => zendeskErrorResponse(503),
    seed: (count) => void sandbox.seed('users', count),
    // Zendesk deletes users softly: a deleted one stays, inactive, and is no longer live.
    records: () => new Map(sandbox.store.users.list({ filter: (e) => e.data.active }).map((e) => [e.id, structuredClone(e.data) as unknown as Rec])),
    stop: () => sandbox.stop(),
  };
}

const CARRIED = ['name', 'email', 'phone', 'role', 'external_id', 'details', 'notes', 'tags', 'time_zone', 'locale'];
const empty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
/** Zendesk keeps emails and tags lower-cased; an empty text reads back as '' or null alike. */
const carried = (record: Rec) => Object.fromEntries(CARRIED.map((name) => {
  const value = record[name];
  if (empty(value)) return [name, null];
  if (name === 'email') return [name, String(value).toLowerCase()];
  if (name === 'tags') return [name, (value as string[]).map((t) => t.toLowerCase()).sort()];
  return [name, value];
}));

loadReliabilitySuite({
  definition: zendeskDefinition, object: 'users', start,
  fields: (rng) => {
    const fields: Rec = { name: `${pick(rng, ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara'])} ${pick(rng, ['Lovelace', 'Hopper', 'Turing', 'Liskov'])}` };
    if (rng() < 0.4) fields.phone = rng() < 0.25 ? '' : `+1555${String(Math.floor(rng() * 1e7)).padStart(7, '0')}`;
    if (rng() < 0.4) fields.notes = rng() < 0.25 ? '' : pick(rng, ['VIP', 'Renewal due', 'Prefers email']);
    if (rng() < 0.3) fields.details = pick(rng, ['Paris office', 'Remote', 'Oslo office']);
    return fields;
  },
  naturalKey: (serial) => `new${serial}@load.test`,
  invalid: (serial) => ({ email: `broken${serial}`, name: 'Broken' }),
  invalidUpdate: { email: 'not-an-email' },
  holds: (current, fields) => Object.entries(fields).every(([name, value]) => {
    if (empty(value)) return empty(current[name]);
    if (name === 'email') return current.email === String(value).trim().toLowerCase();
    return current[name] === String(value).trim();
  }),
  carried,
  fromSnapshot: carried,
  // `forge rollback` runs with the platform's limiter, which paces every Zendesk call at the
  // export limit (10 a minute, definition.ts): past ten calls the rollback waits out a minute.
  // One record a call (no bulk jobs to poll) and five records keep it within ten: the load is
  // killed in its first round of writes, with four calls in flight.
  crash: { updates: 3, creates: 2, batchSize: 1, latencyMs: 300 },
  property: { loads: 30, maxRecords: 15, batchSize: (rng) => 1 + Math.floor(rng() * 100) },
});
