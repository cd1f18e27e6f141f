/**
 * The shared reliability suites against the HubSpot sandbox: contacts streamed through worker
 * crashes, faults and a revoked token; contacts loaded through a crash and random faults.
 * The load numbers are those of the HubSpot half of the former
 * test/reliability/load-crash.test.ts and load-sandbox-property.test.ts, which this replaces.
 */
import { loadReliabilitySuite, type LoadSandbox } from '../../test/conformance/load-reliability.js';
import { streamReliabilitySuite } from '../../test/conformance/stream-reliability.js';
import type { Rng, SandboxServer } from '../../src/sandbox/index.js';
import { hubspotDefinition } from './definition.js';
import { LIST_PAGE_LIMIT } from './objects.js';
import { hubspotConformanceSandbox, hubspotErrorResponse, startHubspotSandbox } from './sandbox/index.js';

type Rec = Record<string, unknown>;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

streamReliabilitySuite({
  definition: hubspotDefinition, start: () => hubspotConformanceSandbox({ rateLimit: false }), object: 'contacts', pageSize: LIST_PAGE_LIMIT,
  // 30 pages, 3 kills: about 20 s on a busy 2-core machine, most of it loading worker processes.
  crash: { records: 3000, kills: 3 },
  faults: { records: 3000 },
});

async function start(): Promise<LoadSandbox> {
  const sandbox = await startHubspotSandbox({ rateLimit: false });
  return {
    baseUrl: sandbox.baseUrl, authMethodId: 'private_app', credentials: { token: sandbox.token }, config: {},
    server: sandbox.server as SandboxServer<unknown>,
    unavailable: () => hubspotErrorResponse(503),
    seed: (count) => void sandbox.seed('contacts', count),
    records: () => new Map(sandbox.store.collections.contacts.list().map((e) => [e.id, { ...e.data.properties }])),
    stop: () => sandbox.stop(),
  };
}

loadReliabilitySuite({
  definition: hubspotDefinition, object: 'contacts', start,
  fields: (rng) => {
    const fields: Rec = {};
    if (rng() < 0.6) fields.firstname = `${pick(rng, ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald'])}${Math.floor(rng() * 100)}`;
    if (rng() < 0.5) fields.jobtitle = pick(rng, ['CTO', 'Engineer', 'Buyer', 'Head of Sales']);
    // city is not among the properties the connector reads by default.
    if (rng() < 0.3) fields.city = rng() < 0.25 ? '' : pick(rng, ['Paris', 'Oslo', 'Lima', 'Kyoto']);
    if (Object.keys(fields).length === 0) fields.lastname = pick(rng, ['Lovelace', 'Hopper', 'Turing', 'Liskov']);
    return fields;
  },
  naturalKey: (serial) => `new${serial}@load.test`,
  // In a batch create, one error of HubSpot's 207.
  invalid: (serial) => ({ email: `broken${serial}`, firstname: 'Broken' }),
  // HubSpot refuses the whole update batch, so the connector sends it one by one.
  invalidUpdate: { email: 'not-an-email' },
  isRead: (req) => req.method === 'GET' || req.path.endsWith('/batch/read') || req.path.endsWith('/search'),
  holds: (current, fields) => Object.entries(fields).every(([name, value]) => {
    if (value === null || value === undefined || value === '') return current[name] === undefined;
    return current[name] === (name === 'email' ? String(value).trim().toLowerCase() : String(value));
  }),
  carried: (record) => record,
  // HubSpot computes the read-only properties, stores strings, lower-cases emails, drops empties.
  fromSnapshot: (snapshot) => Object.fromEntries(Object.entries(snapshot)
    .filter(([name, value]) => !['id', 'hs_object_id', 'createdate', 'lastmodifieddate'].includes(name) && value !== null && value !== undefined && value !== '')
    .map(([name, value]) => [name, name === 'email' ? String(value).toLowerCase() : String(value)])),
  crash: { updates: 150, creates: 150, batchSize: 10 },
  property: { loads: 300, maxRecords: 15, batchSize: (rng) => 1 + Math.floor(rng() * 100), timeoutMs: 240_000 },
});
