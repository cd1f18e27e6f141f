/**
 * The shared reliability suites against the Salesforce sandbox: contacts streamed through
 * worker crashes, faults and a revoked session; contacts loaded through sObject Collections
 * (200 a call) through a crash and random faults. Counts are scaled to about 20 s per suite on
 * a busy 2-core machine.
 */
import { loadReliabilitySuite, type LoadSandbox } from '../../test/conformance/load-reliability.js';
import { streamReliabilitySuite } from '../../test/conformance/stream-reliability.js';
import type { Rng, SandboxServer } from '../../src/sandbox/index.js';
import { salesforceDefinition } from './definition.js';
import { QUERY_BATCH_SIZE } from './objects.js';
import { salesforceConformanceSandbox, salesforceErrorResponse, startSalesforceSandbox } from './sandbox/index.js';

type Rec = Record<string, unknown>;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

streamReliabilitySuite({
  definition: salesforceDefinition, start: () => salesforceConformanceSandbox(), object: 'contact', pageSize: QUERY_BATCH_SIZE,
  crash: { records: 4000, kills: 3 },
  faults: { records: 4000 },
});

/** Salesforce answers null for an empty field and for one never set: the store keeps either. */
const present = (row: Rec) => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null && value !== undefined));

async function start(): Promise<LoadSandbox> {
  const sandbox = await startSalesforceSandbox();
  return {
    baseUrl: sandbox.baseUrl, authMethodId: 'oauth', credentials: { accessToken: sandbox.accessToken },
    config: { myDomain: 'forgeworks-sandbox', loginUrl: 'https://login.salesforce.com' },
    server: sandbox.server as SandboxServer<unknown>,
    unavailable: () => salesforceErrorResponse(503),
    seed: (count) => void sandbox.seed('Contact', count),
    // LastModifiedDate moves on every write, a restoring one too.
    records: () => new Map(sandbox.store.collections.Contact.list().map((e) => {
      const { LastModifiedDate: _moved, ...row } = e.data;
      return [e.id, present(row)];
    })),
    stop: () => sandbox.stop(),
  };
}

const CARRIED = ['FirstName', 'LastName', 'Email', 'Title', 'Phone', 'Description', 'AccountId'];
const carried = (record: Rec) => present(Object.fromEntries(CARRIED.map((name) => [name, record[name] === '' ? null : record[name]])));

loadReliabilitySuite({
  definition: salesforceDefinition, object: 'contact', start,
  fields: (rng) => {
    // LastName is required on create; an update may carry it too.
    const fields: Rec = { LastName: pick(rng, ['Lovelace', 'Hopper', 'Turing', 'Liskov', 'Knuth']) };
    if (rng() < 0.6) fields.FirstName = `${pick(rng, ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara'])}${Math.floor(rng() * 100)}`;
    if (rng() < 0.5) fields.Title = rng() < 0.2 ? '' : pick(rng, ['CTO', 'Engineer', 'Buyer', 'Head of Sales']);
    // Description is not among the fields the connector reads by default.
    if (rng() < 0.3) fields.Description = rng() < 0.25 ? '' : pick(rng, ['Met at Dreamforce', 'Renewal due', 'Champion']);
    if (rng() < 0.2) fields.Phone = `(415) 555-${String(Math.floor(rng() * 1e4)).padStart(4, '0')}`;
    return fields;
  },
  naturalKey: (serial) => `new${serial}@load.test`,
  invalid: (serial) => ({ Email: `broken${serial}`, LastName: 'Broken' }),
  invalidUpdate: { Email: 'not-an-email' },
  holds: (current, fields) => Object.entries(fields).every(([name, value]) => {
    if (value === null || value === undefined || value === '') return current[name] === undefined;
    return name === 'Email' ? String(current[name]).toLowerCase() === String(value).trim().toLowerCase() : current[name] === value;
  }),
  carried,
  fromSnapshot: carried,
  crash: { updates: 120, creates: 120, batchSize: 10 },
  property: { loads: 40, maxRecords: 15, batchSize: (rng) => 1 + Math.floor(rng() * 50) },
});
