/**
 * The shared reliability suites against the Stripe sandbox: customers streamed through worker
 * crashes, faults and a revoked key; customers loaded (one record a call) through a crash and
 * random faults. The stream crash keeps the 100,000 generated customers and 10 kills, the fault
 * test its 1,500 customers, and the load property its 200 loads, of the former
 * test/reliability/stream-crash, stream-faults and load-sandbox-property tests it replaces.
 */
import { loadReliabilitySuite, type LoadSandbox } from '../../test/conformance/load-reliability.js';
import { streamReliabilitySuite } from '../../test/conformance/stream-reliability.js';
import type { Rng, SandboxServer } from '../../src/sandbox/index.js';
import { stripeDefinition } from './definition.js';
import { errorAnswer } from './sandbox/error-answers.js';
import { startConformanceSandbox, startStripeSandbox } from './sandbox/index.js';
import { PAGE_SIZE } from './source/list-read.js';

type Rec = Record<string, unknown>;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const CUSTOMERS = 100_000;

streamReliabilitySuite({
  definition: stripeDefinition, start: () => startConformanceSandbox({ rateLimit: false }), object: 'customers', pageSize: PAGE_SIZE,
  crash: {
    records: CUSTOMERS, kills: 10, timeoutMs: 300_000,
    // Generated customers cost no memory and no seeding time.
    start: () => startConformanceSandbox({ rateLimit: false, generated: { customers: CUSTOMERS } }),
  },
  faults: { records: 1500 },
});

async function start(): Promise<LoadSandbox> {
  const sandbox = await startStripeSandbox({ rateLimit: false });
  const customers = sandbox.store.customers;
  return {
    baseUrl: sandbox.baseUrl, authMethodId: 'secret_key', credentials: { apiKey: sandbox.apiKey }, config: {},
    server: sandbox.server as SandboxServer<unknown>,
    unavailable: () => errorAnswer(503, sandbox.apiKey),
    seed: (count) => void sandbox.seed('customers', count),
    records: () => new Map(customers.memory.ids().map((id) => [id, structuredClone(customers.get(id)!) as Rec])),
    stop: () => sandbox.stop(),
  };
}

const CARRIED = ['email', 'name', 'phone', 'description', 'metadata', 'address', 'shipping', 'balance', 'preferred_locales', 'tax_exempt', 'invoice_settings'];

loadReliabilitySuite({
  definition: stripeDefinition, object: 'customers', start,
  fields: (rng) => {
    const fields: Rec = {};
    if (rng() < 0.6) fields.name = `${pick(rng, ['Ada', 'Grace', 'Alan', 'Edsger'])} ${pick(rng, ['Lovelace', 'Hopper', 'Turing', 'Liskov'])}`;
    if (rng() < 0.4) fields.description = rng() < 0.25 ? '' : `${pick(rng, ['CTO', 'Engineer', 'Buyer'])} in ${pick(rng, ['Paris', 'Oslo', 'Lima'])}`;
    if (rng() < 0.3) fields.phone = rng() < 0.25 ? '' : `+1555${String(Math.floor(rng() * 1e7)).padStart(7, '0')}`;
    if (rng() < 0.3) fields.metadata = { plan: pick(rng, ['free', 'pro', 'enterprise']) };
    if (Object.keys(fields).length === 0) fields.name = pick(rng, ['Ada', 'Grace', 'Alan']);
    return fields;
  },
  naturalKey: (serial) => `new${serial}@load.test`,
  invalid: (serial) => ({ email: `broken${serial}`, name: 'Broken' }),
  invalidUpdate: { email: 'not-an-email' },
  holds: (current, fields) => Object.entries(fields).every(([name, value]) => {
    if (name === 'metadata') return Object.entries(value as Rec).every(([k, v]) => (current.metadata as Rec)[k] === String(v));
    if (value === null || value === undefined || value === '') return current[name] === null;
    return current[name] === value;
  }),
  carried: (record) => Object.fromEntries(CARRIED.map((k) => [k, record[k]])),
  fromSnapshot: (snapshot) => Object.fromEntries(CARRIED.map((k) => [k, snapshot[k]])),
  // One call a record, four in flight: 40 records keep the write long enough to be killed in.
  crash: { updates: 20, creates: 20, batchSize: 1 },
  // One call a record: smaller loads keep the test inside its time budget.
  property: { loads: 200, maxRecords: 10, batchSize: () => 1, timeoutMs: 240_000 },
});
