/**
 * Property, against the vendor sandboxes: 500 random loads (300 into HubSpot contacts with
 * batches of 1 to 100, 200 into Stripe customers one record a call; creates, updates, upserts,
 * deletes, invalid emails) with random faults injected by each sandbox's FaultInjector: hangs
 * cut by a 300 ms connector timeout, hangs and resets after the vendor applied the write (the
 * answer lost), 503s with the vendor's body, partial batch failures (207), and 2xx deletes that
 * delete nothing. After each load, read straight from the sandbox's store: the vendor holds the
 * expected state (verified writes there, failed ones left untouched), or after a rollback the
 * snapshot, except what the report names as re-created (checked under the new id) or
 * unrecoverable; and no delete is ever reported that did not happen.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubspotDefinition } from '../../connectors/hubspot/definition.js';
import { hubspotErrorResponse, startHubspotSandbox, type HubspotSandbox } from '../../connectors/hubspot/sandbox/index.js';
import { stripeDefinition } from '../../connectors/stripe/definition.js';
import { errorAnswer } from '../../connectors/stripe/sandbox/error-answers.js';
import { startStripeSandbox, type StripeSandbox } from '../../connectors/stripe/sandbox/index.js';
import { silentLogger } from '../../src/core/index.js';
import { generateMasterKeyHex } from '../../src/credentials/crypto/index.js';
import { LoadService, type JournalItem, type LoadRecord, type LoadReport } from '../../src/load/index.js';
import { ConnectorRegistry } from '../../src/registry/index.js';
import { seededRng, type FaultRule, type Rng, type SandboxRequest, type SandboxServer } from '../../src/sandbox/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import type { TenantFixture } from '../support/tenancy.js';
import { sandboxConnections, storeSandboxConnection } from './fixtures/sandbox-connection.js';

const HUBSPOT_LOADS = 300;
const STRIPE_LOADS = 200;
/** The connector timeout: a `hang` is cut here and counts as an ambiguous transient failure. */
const TIMEOUT_MS = 300;

type Rec = Record<string, unknown>;
type FaultLabel = 'hang' | 'hang_after_write' | 'reset' | 'reset_after_write' | 'unavailable_503' | 'fake_delete';

interface Vendor {
  name: 'hubspot' | 'stripe';
  object: string;
  loads: number;
  tenant: TenantFixture;
  server: SandboxServer<unknown>;
  /** The vendor's own 503 body. */
  unavailable: unknown;
  batchSize(rng: Rng): number;
  /** Live records by id, read from the sandbox's store (no HTTP, no faults). */
  state(): Map<string, Rec>;
  records(rng: Rng, state: Map<string, Rec>): LoadRecord[];
  /** Whether the vendor record holds the written fields, after the vendor's normalisation. */
  holds(current: Rec, fields: Rec): boolean;
  /** The fields of a record a re-creation carries over, in the form `state()` shows them. */
  carried(record: Rec): Rec;
  /** What a record re-created from the journal's snapshot must hold, in the same form. */
  fromSnapshot(snapshot: Rec): Rec;
}

const FIRST = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Liskov', 'Knuth', 'Allen'];
const TITLES = ['CTO', 'Engineer', 'Buyer', 'Head of Sales'];
const CITIES = ['Paris', 'Oslo', 'Lima', 'Kyoto'];
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
let serial = 0;

/** Shared shape of a random load: creates, updates by id, upserts by email, deletes, bad emails. */
function randomRecords(rng: Rng, state: Map<string, Rec>, maxCount: number, fields: () => Rec, badUpdate: Rec): LoadRecord[] {
  const ids = [...state.keys()];
  const count = 1 + Math.floor(rng() * maxCount);
  const records: LoadRecord[] = [];
  for (let i = 0; i < count; i++) {
    const roll = rng();
    const existing = ids.length > 0 ? ids[Math.floor(rng() * ids.length)] : undefined;
    if (roll < 0.3) records.push({ op: 'create', fields: { email: `new${++serial}@load.test`, ...fields() } });
    else if (roll < 0.55 && existing) records.push({ op: 'update', id: existing, fields: fields() });
    else if (roll < 0.75) {
      const email = existing && rng() < 0.7 ? String(state.get(existing)!.email) : `up${++serial}@load.test`;
      records.push({ op: 'upsert', fields: { email, ...fields() } });
    } else if (existing) records.push({ op: 'delete', id: existing, fields: {} });
    // A record the vendor refuses: in a HubSpot create batch it is one error of a 207.
    if (rng() < 0.06) records.push({ op: 'create', fields: { email: `broken${++serial}`, ...fields() } });
    // An update HubSpot refuses as a whole batch, so the connector sends the batch one by one.
    if (rng() < 0.03 && existing) records.push({ op: 'update', id: existing, fields: badUpdate });
  }
  return records;
}

function hubspotVendor(sandbox: HubspotSandbox, tenant: TenantFixture): Vendor {
  return {
    name: 'hubspot', object: 'contacts', loads: HUBSPOT_LOADS, tenant, server: sandbox.server as SandboxServer<unknown>,
    unavailable: hubspotErrorResponse(503).body,
    batchSize: (rng) => 1 + Math.floor(rng() * 100),
    state: () => new Map(sandbox.store.collections.contacts.list().map((e) => [e.id, { ...e.data.properties }])),
    records: (rng, state) => randomRecords(rng, state, 15, () => {
      const fields: Rec = {};
      if (rng() < 0.6) fields.firstname = `${pick(rng, FIRST)}${Math.floor(rng() * 100)}`;
      if (rng() < 0.5) fields.jobtitle = pick(rng, TITLES);
      // city is not among the properties the connector reads by default.
      if (rng() < 0.3) fields.city = rng() < 0.25 ? '' : pick(rng, CITIES);
      if (Object.keys(fields).length === 0) fields.lastname = pick(rng, LAST);
      return fields;
    }, { email: 'not-an-email' }),
    holds: (current, fields) => Object.entries(fields).every(([name, value]) => {
      if (value === null || value === undefined || value === '') return current[name] === undefined;
      return current[name] === (name === 'email' ? String(value).trim().toLowerCase() : String(value));
    }),
    carried: (record) => record,
    // HubSpot computes the read-only properties, stores strings, lower-cases emails, drops empties.
    fromSnapshot: (snapshot) => Object.fromEntries(Object.entries(snapshot)
      .filter(([name, value]) => !['id', 'hs_object_id', 'createdate', 'lastmodifieddate'].includes(name) && value !== null && value !== undefined && value !== '')
      .map(([name, value]) => [name, name === 'email' ? String(value).toLowerCase() : String(value)])),
  };
}

const STRIPE_CARRIED = ['email', 'name', 'phone', 'description', 'metadata', 'address', 'shipping', 'balance', 'preferred_locales', 'tax_exempt', 'invoice_settings'];

function stripeVendor(sandbox: StripeSandbox, tenant: TenantFixture): Vendor {
  const customers = sandbox.store.customers;
  return {
    name: 'stripe', object: 'customers', loads: STRIPE_LOADS, tenant, server: sandbox.server as SandboxServer<unknown>,
    unavailable: errorAnswer(503, sandbox.apiKey).body,
    batchSize: () => 1,
    state: () => new Map(customers.memory.ids().map((id) => [id, structuredClone(customers.get(id)!) as Rec])),
    // One call per record: smaller loads keep the test inside its time budget.
    records: (rng, state) => randomRecords(rng, state, 10, () => {
      const fields: Rec = {};
      if (rng() < 0.6) fields.name = `${pick(rng, FIRST)} ${pick(rng, LAST)}`;
      if (rng() < 0.4) fields.description = rng() < 0.25 ? '' : `${pick(rng, TITLES)} in ${pick(rng, CITIES)}`;
      if (rng() < 0.3) fields.phone = rng() < 0.25 ? '' : `+1555${String(Math.floor(rng() * 1e7)).padStart(7, '0')}`;
      if (rng() < 0.3) fields.metadata = { plan: pick(rng, ['free', 'pro', 'enterprise']) };
      if (Object.keys(fields).length === 0) fields.name = pick(rng, FIRST);
      return fields;
    }, { email: 'not-an-email' }),
    holds: (current, fields) => Object.entries(fields).every(([name, value]) => {
      if (name === 'metadata') return Object.entries(value as Rec).every(([k, v]) => (current.metadata as Rec)[k] === String(v));
      if (value === null || value === undefined || value === '') return current[name] === null;
      return current[name] === value;
    }),
    carried: (record) => Object.fromEntries(STRIPE_CARRIED.map((k) => [k, record[k]])),
    fromSnapshot: (snapshot) => Object.fromEntries(STRIPE_CARRIED.map((k) => [k, snapshot[k]])),
  };
}

interface Tally {
  loads: number;
  faults: Record<FaultLabel, number>;
  automaticRollbacks: number;
  onDemandRollbacks: number;
  healthyRetries: number;
  restored: number;
  recreated: number;
  unrecoverable: number;
  /** Re-created records that lack a field the original had, because the snapshot never read it. */
  recreatedWithFieldsLost: number;
  writeFailures: number;
  validationFailures: number;
  verifyFailures: number;
  loadsWithFaultEffects: number;
  seconds: number;
}

const newTally = (): Tally => ({
  loads: 0, faults: { hang: 0, hang_after_write: 0, reset: 0, reset_after_write: 0, unavailable_503: 0, fake_delete: 0 },
  automaticRollbacks: 0, onDemandRollbacks: 0, healthyRetries: 0, restored: 0, recreated: 0, unrecoverable: 0, recreatedWithFieldsLost: 0,
  writeFailures: 0, validationFailures: 0, verifyFailures: 0, loadsWithFaultEffects: 0, seconds: 0,
});

const isRead = (req: SandboxRequest) => req.method === 'GET' || req.path.endsWith('/batch/read') || req.path.endsWith('/search');

/**
 * Adds up to `max` fault rules, each firing at most once: a load (2 during its run, 1 during a
 * rollback on demand) meets at most 3 transient failures in a row, so the connection's circuit
 * breaker, which opens after 5 and pauses calls for 30 s, stays closed. Rolls on the test's RNG
 * and counts each firing.
 */
function injectFaults(vendor: Vendor, rng: Rng, max: number, tally: Tally): void {
  const faults = vendor.server.faults;
  faults.clear();
  if (rng() < 0.35) return;
  const catalogue: Array<{ label: FaultLabel; weight: number; rule: Omit<FaultRule, 'match'> }> = [
    // Hangs cost the timeout and a retry: fewer of them keep the test inside its time budget.
    { label: 'hang', weight: 1, rule: { kind: 'hang' } },
    { label: 'hang_after_write', weight: 1, rule: { kind: 'hang', afterHandler: true } },
    { label: 'reset', weight: 1.5, rule: { kind: 'reset' } },
    { label: 'reset_after_write', weight: 2, rule: { kind: 'reset', afterHandler: true } },
    { label: 'unavailable_503', weight: 1.5, rule: { kind: 'status', status: 503, body: vendor.unavailable } },
    { label: 'fake_delete', weight: 2.5, rule: { kind: 'fake_delete' } },
  ];
  const total = catalogue.reduce((sum, c) => sum + c.weight, 0);
  const rules = 1 + Math.floor(rng() * max);
  for (let r = 0; r < rules; r++) {
    let roll = rng() * total;
    const chosen = catalogue.find((c) => (roll -= c.weight) < 0) ?? catalogue[0]!;
    const chance = 0.15 + rng() * 0.45;
    faults.add({
      ...chosen.rule, times: 1,
      // Writes draw faults more often than reads: they are where ambiguity costs.
      match: (req) => {
        const fires = rng() < (isRead(req) ? chance / 3 : chance);
        if (fires) tally.faults[chosen.label]++;
        return fires;
      },
    });
  }
}

describe('load engine property against the sandboxes', () => {
  let database: TestDatabase;
  let hubspot: HubspotSandbox;
  let stripe: StripeSandbox;
  let loads: LoadService;
  let vendors: Vendor[];
  beforeAll(async () => {
    database = await createTestDatabase();
    hubspot = await startHubspotSandbox({ rateLimit: false, seed: { contacts: 30 } });
    stripe = await startStripeSandbox({ rateLimit: false });
    stripe.seed('customers', 30);
    const keyHex = generateMasterKeyHex();
    const dataDir = mkdtempSync(join(tmpdir(), 'forge-load-property-'));
    // Short connector timeouts, so that a hung request is cut by the executor.
    const registry = new ConnectorRegistry();
    registry.register({ ...hubspotDefinition, timeoutMs: TIMEOUT_MS });
    registry.register({ ...stripeDefinition, timeoutMs: TIMEOUT_MS });
    const hubspotTenant = await storeSandboxConnection(database.pool, { connectorId: 'hubspot', authMethod: 'private_app', baseUrl: hubspot.baseUrl, secrets: { token: hubspot.token }, keyHex, dataDir });
    const stripeTenant = await storeSandboxConnection(database.pool, { connectorId: 'stripe', authMethod: 'secret_key', baseUrl: stripe.baseUrl, secrets: { apiKey: stripe.apiKey }, keyHex, dataDir });
    loads = new LoadService({ pool: database.pool, contexts: sandboxConnections(database.pool, registry, keyHex, dataDir), logger: silentLogger });
    vendors = [hubspotVendor(hubspot, hubspotTenant), stripeVendor(stripe, stripeTenant)];
  });
  afterAll(async () => {
    await hubspot?.stop();
    await stripe?.stop();
    await database?.close();
  });

  it(`keeps both sandboxes exact over ${HUBSPOT_LOADS + STRIPE_LOADS} random loads with random faults`, async () => {
    const tallies: Record<string, Tally> = {};
    let failed = false;
    // The two vendors run side by side (their own sandbox, connection and RNG): one's timeouts
    // and backoffs overlap the other's work. The first failure stops both.
    async function runLoads(vendor: Vendor, v: number): Promise<void> {
      const rng = seededRng(20261124 + v);
      const tally = (tallies[vendor.name] = newTally());
      const started = performance.now();
      for (let n = 0; n < vendor.loads && !failed; n++) {
        const label = `${vendor.name} load ${n}`;
        vendor.server.faults.clear();
        vendor.server.clearLog();
        const before = vendor.state();
        const records = vendor.records(rng, before);
        const options = { batchSize: vendor.batchSize(rng), rollbackThreshold: rng() < 0.5 ? 0 : 1 };
        const { loadId } = await loads.plan({ workspaceId: vendor.tenant.workspaceId, connectionId: vendor.tenant.connectionId, object: vendor.object, records, options });
        injectFaults(vendor, rng, 2, tally);
        let report = await loads.run(loadId);
        vendor.server.faults.clear();
        if (report.rollback) {
          tally.automaticRollbacks++;
          // Faults can hit the rollback itself: it reports those items failed, and a rollback
          // on demand on the healthy vendor finishes the job.
          if (report.rollback.failed > 0) { tally.healthyRetries++; report = await loads.rollback(loadId); }
        } else if (rng() < 0.2) {
          tally.onDemandRollbacks++;
          injectFaults(vendor, rng, 1, tally);
          report = await loads.rollback(loadId, vendor.tenant.workspaceId);
          vendor.server.faults.clear();
          if (report.rollback!.failed > 0) { tally.healthyRetries++; report = await loads.rollback(loadId); }
        }
        const { items } = (await loads.get(vendor.tenant.workspaceId, loadId))!;
        tally.loads++;
        tally.writeFailures += items.filter((i) => i.writeStatus === 'failed').length;
        tally.validationFailures += items.filter((i) => i.error?.kind === 'validation').length;
        tally.verifyFailures += items.filter((i) => ['mismatch', 'missing', 'still_present'].includes(i.verifyStatus)).length;
        if (items.some((i) => (i.writeStatus === 'failed' && i.error?.kind !== 'validation') || ['mismatch', 'missing', 'still_present'].includes(i.verifyStatus))) tally.loadsWithFaultEffects++;
        checkLoad(label, vendor, before, vendor.state(), items, report, tally);
      }
      tally.seconds = Math.round((performance.now() - started) / 100) / 10;
    }
    await Promise.all(vendors.map((vendor, v) => runLoads(vendor, v).catch((error: unknown) => { failed = true; throw error; })));
    console.log(JSON.stringify(tallies, null, 2));
    const all = Object.values(tallies);
    const sum = (f: (t: Tally) => number) => all.reduce((s, t) => s + f(t), 0);
    expect(sum((t) => t.loads)).toBeGreaterThanOrEqual(500);
    // The faults really fired, every kind of them, on both vendors, and rollbacks really ran.
    for (const tally of all) {
      for (const [kind, count] of Object.entries(tally.faults)) expect(count, `${kind} faults fired`).toBeGreaterThanOrEqual(8);
      expect(tally.automaticRollbacks + tally.onDemandRollbacks).toBeGreaterThan(20);
    }
    expect(sum((t) => t.loadsWithFaultEffects)).toBeGreaterThan(50);
    expect(tallies.hubspot!.validationFailures).toBeGreaterThan(10);
    expect(sum((t) => t.recreated)).toBeGreaterThan(5);
  }, 150_000);
});

function checkLoad(label: string, vendor: Vendor, before: Map<string, Rec>, after: Map<string, Rec>, items: JournalItem[], report: LoadReport, tally: Tally): void {
  const rolledBack = report.status === 'rolled_back' || report.status === 'rollback_incomplete';
  for (const item of items) {
    expect(['pending', 'writing'], `${label} item ${item.seq}: a finished load left a write ${item.writeStatus}`).not.toContain(item.writeStatus);
    // No delete is ever reported that did not happen: after one verified, the rollback cannot find it still there.
    if (item.action === 'delete' && item.verifyStatus === 'verified') {
      if (!rolledBack) expect(after.has(item.targetId!), `${label}: delete of ${item.targetId} reported but it is there`).toBe(false);
      else expect(item.rollbackStatus, `${label}: delete of ${item.targetId} reported, and the rollback found it never happened`).not.toBe('not_needed');
    }
  }

  if (rolledBack) {
    const rollback = report.rollback!;
    expect(rollback.failed, `${label}: rollback failed items after a healthy retry: ${JSON.stringify(rollback.items)}`).toBe(0);
    tally.restored += rollback.restored;
    const excused = new Set<string>();
    const recreatedIds = new Set<string>();
    for (const r of rollback.items) {
      const item = items[r.seq]!;
      if (r.status === 'unrecoverable') {
        tally.unrecoverable++;
        if (item.targetId) excused.add(item.targetId);
      }
      if (r.status === 'recreated') {
        tally.recreated++;
        // Re-created deletions carry the snapshot's fields under their new id.
        const newId = /new id (\S+);/.exec(r.detail)![1]!;
        recreatedIds.add(newId);
        excused.add(item.targetId!);
        expect(after.has(item.targetId!), `${label}: ${item.targetId} re-created, yet still there`).toBe(false);
        expect(after.get(newId) && vendor.carried(after.get(newId)!), `${label}: ${newId} does not carry the snapshot of ${item.targetId}`).toEqual(vendor.fromSnapshot(item.snapshot!));
        if (!isDeepStrictEqual(vendor.fromSnapshot(item.snapshot!), vendor.carried(before.get(item.targetId!)!))) tally.recreatedWithFieldsLost++;
      }
    }
    // Every record is back to its snapshot, and nothing the load created survived.
    for (const [id, record] of before) if (!excused.has(id)) expect(after.get(id), `${label}: ${id} not back to its snapshot`).toEqual(record);
    for (const id of after.keys()) {
      if (!before.has(id) && !recreatedIds.has(id) && !excused.has(id)) throw new Error(`${label}: ${id} survived the rollback (${JSON.stringify(after.get(id))})`);
    }
    return;
  }

  // Every verified write is at the vendor; every failed one left its record untouched.
  const touched = new Set(items.filter((i) => i.writeStatus === 'written' && i.targetId).map((i) => i.targetId!));
  const created = new Set(items.filter((i) => i.action === 'create' && i.writeStatus === 'written').map((i) => i.targetId!));
  for (const item of items) {
    const current = item.targetId ? after.get(item.targetId) : undefined;
    const at = `${label} item ${item.seq} (${item.action} ${item.targetId ?? item.naturalKey})`;
    if (item.writeStatus === 'written') {
      if (item.verifyStatus === 'verified') {
        if (item.action === 'delete') expect(current, at).toBeUndefined();
        else {
          const fields = item.action === 'update' ? Object.fromEntries(item.diff.map((d) => [d.field, d.to])) : item.input;
          expect(current && vendor.holds(current, fields), `${at}: verified but the vendor holds ${JSON.stringify(current)}`).toBe(true);
        }
      } else if (item.verifyStatus === 'still_present') {
        expect(current, `${at}: a delete that deleted nothing changed the record`).toEqual(before.get(item.targetId!));
      } else {
        throw new Error(`${at}: written but ${item.verifyStatus}`);
      }
    }
    if (item.writeStatus === 'failed') {
      if (item.action === 'create') {
        const landed = [...after].filter(([id, r]) => !before.has(id) && String(r.email) === String(item.input.email).toLowerCase());
        expect(landed, `${at}: failed create landed`).toEqual([]);
      } else {
        expect(current, `${at}: failed ${item.action} changed the record`).toEqual(before.get(item.targetId!));
      }
    }
  }
  for (const [id, record] of before) if (!touched.has(id)) expect(after.get(id), `${label}: ${id} changed though no write touched it`).toEqual(record);
  for (const id of after.keys()) if (!before.has(id) && !created.has(id)) throw new Error(`${label}: ${id} appeared without a written create`);
}
