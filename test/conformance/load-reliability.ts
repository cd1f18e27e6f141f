/**
 * The load reliability suite every connector with a destination runs against its sandbox, in
 * the form of the conformance suites (`loadReliabilitySuite(case)` from the connector's own
 * `reliability.test.ts`):
 *
 * - crash: a load of creates and updates runs in a process of its own and is killed with
 *   SIGKILL mid-write; `forge rollback <load>` (the real CLI, in its own process) then puts the
 *   vendor back at the snapshot exactly, read straight from the sandbox's store;
 * - property: K random loads (creates, updates, upserts by natural key, deletes, records and
 *   updates the vendor refuses, so batches partly fail where the vendor has batches) with
 *   injected hangs cut by the connector's timeout, hangs and resets after the write (the answer
 *   lost), 503s and 2xx deletes that delete nothing, some rolled back on demand (with faults
 *   too): after each, the vendor holds exactly what the journal says, or is back at the
 *   snapshot except what the report names (re-created under a new id, unrecoverable).
 *
 * Where the object has no natural key, an interrupted or answerless create cannot be found
 * again: the crash comes once the creates are journalled, and the property excuses a stray
 * record holding the input of a create reported failed for want of an answer (counted as
 * `lostCreates`). A vendor that refuses some rollback writes for good says so with
 * `property.refusals`.
 *
 * The sandbox runs in the test process (only the load is killed; the vendor outlives it). The
 * crash test's worker and `forge rollback` read the connection from the database, so the
 * connector must be in the built-in catalogue (connectors/index.ts). A new connector's
 * `reliability.test.ts` adapts its sandbox to `LoadSandbox` (a few lines over its start
 * function and store) and calls `loadReliabilitySuite({ definition, object, start, fields,
 * naturalKey, invalid, holds, carried, fromSnapshot, crash, property })`; see
 * connectors/salesforce/reliability.test.ts for a compact one.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/index.js';
import { LoadService, type LoadRecord, type LoadReport } from '../../src/load/index.js';
import { ConnectorRegistry, type ConnectorDefinitionInput, type DestinationOperations } from '../../src/registry/index.js';
import { seededRng, type Rng, type SandboxResponse, type SandboxServer } from '../../src/sandbox/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { connectionsFor, storeConnection, suiteKeys, type SandboxEndpoint, type SuiteKeys } from './reliability/connection.js';
import { checkLoad, type LoadTally, type Rec, type VendorForm } from './reliability/load-check.js';
import { FAULT_LABELS, getIsRead, injectFaults, newFaultTally, type ReadTest } from './reliability/load-faults.js';
import { runForge, sleep, trailingJson, WarmWorkers } from './reliability/processes.js';

/** What the load suite needs of a sandbox: the endpoint, the toolkit server and the store. */
export interface LoadSandbox extends SandboxEndpoint {
  /** The toolkit server: its fault injector and request log. */
  server: SandboxServer<unknown>;
  /** The vendor's own 503 answer (its body is what an injected 503 carries). */
  unavailable(): SandboxResponse;
  /** Adds `count` believable records of the object, as the vendor's users would. */
  seed(count: number): void | Promise<void>;
  /**
   * The object's live records by vendor id, read straight from the sandbox's store (no HTTP, no
   * faults): every field a user could set, in the store's own form, without the stamps the
   * vendor moves on every write (modification times) and without empty values where the
   * vendor treats empty and absent alike. The suite compares these with deep equality.
   */
  records(): Map<string, Rec>;
  stop(): Promise<void>;
}

/**
 * One connector's case. Beside what is below, `holds`, `carried` and `fromSnapshot` (from
 * VendorForm, reliability/load-check.ts) say how the vendor's store form compares with what was
 * written and with a snapshot.
 */
export interface LoadReliabilityCase extends VendorForm {
  definition: ConnectorDefinitionInput;
  /** The destination object loaded. Its natural key (from the definition) drives upserts. */
  object: string;
  start: () => Promise<LoadSandbox>;
  /** Random writable fields for a create or an update, without the natural key. */
  fields: (rng: Rng) => Rec;
  /** A natural-key value no record has yet; required when the object has a natural key. */
  naturalKey?: (serial: number) => string;
  /** A record the vendor refuses on create: in a batch, one error of a partly failed answer. */
  invalid: (serial: number, rng: Rng) => Rec;
  /** Fields the vendor refuses on update (a batch the vendor refuses whole, say). @default none */
  invalidUpdate?: Rec;
  /** POST reads (searches, batch reads) draw faults as rarely as GETs. @default only GETs are reads */
  isRead?: ReadTest;
  crash: {
    /** Existing records the load updates (upserts by natural key where the object has one). */
    updates: number;
    /** Records the load creates. */
    creates: number;
    batchSize: number;
    /** The fields written, for a vendor where some writes cannot be undone exactly. @default `fields` */
    fields?: (rng: Rng) => Rec;
    /** Every vendor call takes this long, so the load can be killed mid-write. @default 150 */
    latencyMs?: number;
    /** @default 90_000 */
    timeoutMs?: number;
  };
  /**
   * The random-load property. Required of every connector whose rollback is complete; a case
   * leaves it out only while a known bug (named at its call site) makes it fail.
   */
  property?: {
    /** Random loads (K). Scale so the test stays near 20 s on a busy 2-core machine. */
    loads: number;
    /** Records a load holds at most (before refused ones are mixed in). */
    maxRecords: number;
    /** The batch size of one load. @default the connector's */
    batchSize?: (rng: Rng) => number;
    /** Records seeded first. @default 30 */
    seed?: number;
    /** The connector's timeout in this test: a hang is cut here. @default 300 */
    connectorTimeoutMs?: number;
    /**
     * Whether the vendor may refuse a rollback's write for good (a re-creation or a restore it
     * will never accept): the rollback reports those items failed, which the property then
     * excuses like unrecoverable ones. @default false: on the healthy vendor, a rollback
     * retried restores everything it did not name unrecoverable or re-created.
     */
    refusals?: boolean;
    /** RNG seed, so a failing run replays. @default 20261124 */
    rngSeed?: number;
    /** @default 120_000 */
    timeoutMs?: number;
  };
}

interface Tally extends LoadTally {
  loads: number;
  faults: ReturnType<typeof newFaultTally>;
  automaticRollbacks: number;
  onDemandRollbacks: number;
  healthyRetries: number;
  writeFailures: number;
  validationFailures: number;
  verifyFailures: number;
  loadsWithFaultEffects: number;
  seconds: number;
}

const VERIFY_FAILED = ['mismatch', 'missing', 'still_present'];

export function loadReliabilitySuite(suite: LoadReliabilityCase): void {
  const registry = new ConnectorRegistry();
  const definition = registry.register(suite.definition);
  const object = definition.objects.find((o) => o.name === suite.object);
  if (!object?.destination) throw new Error(`${definition.id} has no destination object ${suite.object}`);
  const dest = object.destination as DestinationOperations;
  const naturalKey = object.naturalKey;
  if (naturalKey && !suite.naturalKey) throw new Error(`${definition.id} ${suite.object} has the natural key ${naturalKey}: the case needs naturalKey()`);
  let serial = 0;

  describe(`load reliability: ${definition.id} ${suite.object}`, () => {
    let database: TestDatabase;
    let keys: SuiteKeys;
    beforeAll(async () => {
      database = await createTestDatabase();
      keys = suiteKeys(`load-${definition.id}`);
    });
    afterAll(async () => database?.close());

    const { updates, creates, batchSize } = suite.crash;
    it(`rolls a load of ${updates} updates and ${creates} creates killed with SIGKILL mid-write back to its snapshot through \`forge rollback\``, async () => {
      const sandbox = await suite.start();
      let workers: WarmWorkers | undefined;
      try {
        await sandbox.seed(updates + 10);
        const tenant = await storeConnection(database.pool, definition.id, sandbox, keys);
        const before = sandbox.records();
        const rng = seededRng(20261123);
        const fields = suite.crash.fields ?? suite.fields;
        const records: LoadRecord[] = [
          ...[...before].slice(0, updates).map(([id, record]): LoadRecord => (naturalKey
            ? { op: 'upsert', fields: { ...fields(rng), [naturalKey]: record[naturalKey] } }
            : { op: 'update', id, fields: fields(rng) })),
          ...Array.from({ length: creates }, (): LoadRecord => (naturalKey
            ? { op: 'upsert', fields: { ...fields(rng), [naturalKey]: suite.naturalKey!(++serial) } }
            : { op: 'create', fields: fields(rng) })),
        ];
        const file = join(keys.dataDir, `crash-${Date.now()}.json`);
        writeFileSync(file, JSON.stringify(records));
        const env = { DATABASE_URL: database.url, CONNECTOR_ENCRYPTION_KEY: keys.keyHex };
        workers = new WarmWorkers('test/conformance/reliability/load-worker.ts', [tenant.workspaceId, tenant.connectionId, suite.object, file, String(batchSize)], env, { total: 1 });
        const worker = await workers.take();
        const latencyMs = suite.crash.latencyMs ?? 150;
        const isRead = suite.isRead ?? getIsRead;
        // Every call is held this long; the first write call after the kill point arms the kill.
        let armed: (() => void) | undefined;
        sandbox.server.faults.clear();
        sandbox.server.faults.add({
          kind: 'latency', latencyMs,
          match: (req) => {
            if (armed && !isRead(req)) { armed(); armed = undefined; }
            return true;
          },
        });
        worker.go();
        const loadId = (JSON.parse(await worker.line((l) => l.startsWith('{"loadId"'))) as { loadId: string }).loadId;

        // A random point of the write: anywhere where the rollback can find an interrupted
        // create by its natural key, else once the creates are journalled (a create whose answer
        // was lost has no id to undo it by, which the rollback reports as unrecoverable). The
        // platform writes three batches at once (four of one record): with one batch more than
        // that unwritten, a write call is still to come. A load too small for that is killed in
        // its first write call.
        const planned = await journal(loadId);
        expect(planned.updates, 'the load updates records').toBeGreaterThan(batchSize);
        const findsCreates = Boolean(naturalKey && dest.findByNaturalKey);
        const from = findsCreates ? 0 : planned.creates;
        const to = planned.creates + planned.updates - ((batchSize === 1 ? 4 : 3) + 1) * batchSize;
        if (!findsCreates) expect(to, 'crash.updates leaves room to kill mid-write once the creates are written').toBeGreaterThanOrEqual(from);
        const point = to > from ? from + Math.floor(Math.random() * (to - from + 1)) : from;
        let state = planned;
        const reached = () => state.status === 'running' && state.written >= point && (findsCreates || state.createsDone === planned.creates);
        while (worker.exitCode() === undefined && !reached()) {
          await sleep(15);
          state = await journal(loadId);
        }
        // Killed while the vendor holds the next write call, at a random moment of it.
        await Promise.race([new Promise<void>((resolve) => { armed = resolve; }), worker.exited]);
        armed = undefined;
        await sleep(Math.random() * latencyMs * 0.8);
        expect(worker.exitCode(), `the load finished before it could be killed at ${point} written`).toBeUndefined();
        await worker.kill();
        // The calls the vendor held are applied all the same, their answers lost with the worker.
        await sleep(latencyMs + 100);
        sandbox.server.faults.clear();
        state = await journal(loadId);
        expect(state.status).toBe('running');
        expect(state.written).toBeGreaterThanOrEqual(point);
        expect(state.pending + state.writing, 'killed mid-write: something was left to write').toBeGreaterThan(0);
        expect(sandbox.records(), 'the load had changed the vendor').not.toEqual(before);

        const cli = await runForge(['rollback', loadId, '--json'], { ...env, FORGE_SANDBOX_EGRESS: '1', FORGE_DATA_DIR: keys.dataDir });
        expect(cli.code, `forge rollback exited ${cli.code}: ${cli.stderr}${cli.stdout}`).toBe(0);
        const report = trailingJson<LoadReport>(cli.stdout);
        expect(report.status).toBe('rolled_back');
        expect(report.rollback).toMatchObject({ trigger: 'crash', recreated: 0, unrecoverable: 0, failed: 0 });
        expect(report.rollback!.restored).toBeGreaterThanOrEqual(state.written);

        // The vendor equals the snapshot: the created records gone, the updated ones restored.
        expect(sandbox.records()).toEqual(before);
        const { rows } = await database.pool.query<{ write_status: string; rollback_status: string }>(
          'select write_status, rollback_status from load_items where load_id = $1', [loadId]);
        for (const row of rows) {
          if (row.write_status === 'written' || row.write_status === 'writing') expect(['restored', 'not_needed']).toContain(row.rollback_status);
          else expect(row.rollback_status).toBe('none');
        }
        const load = await database.pool.query<{ status: string }>('select status from loads where id = $1', [loadId]);
        expect(load.rows[0]!.status).toBe('rolled_back');
      } finally {
        await workers?.close();
        await sandbox.stop();
      }
    }, suite.crash.timeoutMs ?? 90_000);

    async function journal(loadId: string) {
      const { rows } = await database.pool.query<{ status: string; creates: number; createsDone: number; updates: number; written: number; pending: number; writing: number }>(
        `select l.status,
           count(*) filter (where i.action = 'create')::int as creates,
           count(*) filter (where i.action = 'create' and i.write_status in ('written', 'failed'))::int as "createsDone",
           count(*) filter (where i.action = 'update')::int as updates,
           count(*) filter (where i.write_status = 'written')::int as written,
           count(*) filter (where i.write_status = 'pending')::int as pending,
           count(*) filter (where i.write_status = 'writing')::int as writing
         from loads l join load_items i on i.load_id = l.id where l.id = $1 group by l.status`, [loadId]);
      return rows[0]!;
    }

    const count = suite.property?.loads ?? 0;
    if (suite.property) it(`keeps the vendor exact, or back at the snapshot, over ${count} random loads with random faults`, async () => {
      const sandbox = await suite.start();
      try {
        await sandbox.seed(suite.property!.seed ?? 30);
        const tenant = await storeConnection(database.pool, definition.id, sandbox, keys);
        // A short connector timeout, so that a hung request is cut by the executor.
        const timed = new ConnectorRegistry();
        timed.register({ ...suite.definition, timeoutMs: suite.property!.connectorTimeoutMs ?? 300 });
        const loads = new LoadService({ pool: database.pool, contexts: connectionsFor(database.pool, timed, keys), logger: silentLogger });
        const plan = { server: sandbox.server, unavailable: sandbox.unavailable().body, isRead: suite.isRead ?? getIsRead };
        const rng = seededRng(suite.property!.rngSeed ?? 20261124);
        const tally: Tally = {
          loads: 0, faults: newFaultTally(), automaticRollbacks: 0, onDemandRollbacks: 0, healthyRetries: 0, restored: 0, refused: 0, lostCreates: 0, recreated: 0, unrecoverable: 0,
          recreatedWithFieldsLost: 0, writeFailures: 0, validationFailures: 0, verifyFailures: 0, loadsWithFaultEffects: 0, seconds: 0,
        };
        const started = performance.now();
        let faulted = 0;
        for (let n = 0; n < count; n++) {
          const label = `${definition.id} load ${n}`;
          sandbox.server.faults.clear();
          sandbox.server.clearLog();
          const before = sandbox.records();
          const records = randomLoad(rng, before);
          const options = { batchSize: suite.property!.batchSize?.(rng) ?? dest.batchSize, rollbackThreshold: rng() < 0.5 ? 0 : 1 };
          const { loadId } = await loads.plan({ workspaceId: tenant.workspaceId, connectionId: tenant.connectionId, object: suite.object, records, options });
          // A third of the loads run clean; the others cycle through every kind of fault first.
          if (rng() >= 0.35) injectFaults(plan, rng, 2, tally.faults, FAULT_LABELS[faulted++ % FAULT_LABELS.length]);
          let report = await loads.run(loadId);
          sandbox.server.faults.clear();
          if (report.rollback) {
            tally.automaticRollbacks++;
            // Faults can hit the rollback itself: it reports those items failed, and a rollback
            // on demand on the healthy vendor finishes the job.
            if (report.rollback.failed > 0) { tally.healthyRetries++; report = await loads.rollback(loadId); }
          } else if (rng() < 0.2) {
            tally.onDemandRollbacks++;
            injectFaults(plan, rng, 1, tally.faults);
            report = await loads.rollback(loadId, tenant.workspaceId);
            sandbox.server.faults.clear();
            if (report.rollback!.failed > 0) { tally.healthyRetries++; report = await loads.rollback(loadId); }
          }
          const { items } = (await loads.get(tenant.workspaceId, loadId))!;
          tally.loads++;
          tally.writeFailures += items.filter((i) => i.writeStatus === 'failed').length;
          tally.validationFailures += items.filter((i) => i.error?.kind === 'validation').length;
          tally.verifyFailures += items.filter((i) => VERIFY_FAILED.includes(i.verifyStatus)).length;
          if (items.some((i) => (i.writeStatus === 'failed' && i.error?.kind !== 'validation') || VERIFY_FAILED.includes(i.verifyStatus))) tally.loadsWithFaultEffects++;
          checkLoad(label, suite, before, sandbox.records(), items, report, tally, { refusals: suite.property!.refusals, unkeyed: !naturalKey });
        }
        tally.seconds = Math.round((performance.now() - started) / 100) / 10;
        console.log(`${definition.id} ${suite.object} load property: ${JSON.stringify(tally)}`);
        // The faults really fired, every kind of them, and rollbacks and refusals really ran:
        // the property was exercised, not skipped. At least one of each, more for more loads.
        const atLeast = (share: number) => Math.max(1, Math.floor(count * share));
        for (const [kind, fired] of Object.entries(tally.faults)) expect(fired, `${kind} faults fired`).toBeGreaterThanOrEqual(atLeast(1 / 25));
        expect(tally.automaticRollbacks + tally.onDemandRollbacks, 'rollbacks').toBeGreaterThan(atLeast(1 / 10));
        expect(tally.loadsWithFaultEffects, 'loads whose writes or verification the faults changed').toBeGreaterThanOrEqual(atLeast(1 / 20));
        expect(tally.validationFailures, 'records the vendor refused').toBeGreaterThan(atLeast(1 / 30));
        expect(tally.recreated, 'deletions re-created by a rollback').toBeGreaterThanOrEqual(atLeast(1 / 60));
      } finally {
        sandbox.server.faults.clear();
        await sandbox.stop();
      }
    }, suite.property!.timeoutMs ?? 120_000);

    /** Creates, updates by id, upserts by natural key, deletes, and records the vendor refuses. */
    function randomLoad(rng: Rng, state: Map<string, Rec>): LoadRecord[] {
      const ids = [...state.keys()];
      const size = 1 + Math.floor(rng() * suite.property!.maxRecords);
      const records: LoadRecord[] = [];
      for (let i = 0; i < size; i++) {
        const roll = rng();
        const existing = ids.length > 0 ? ids[Math.floor(rng() * ids.length)] : undefined;
        const fresh = () => (naturalKey ? { [naturalKey]: suite.naturalKey!(++serial) } : {});
        if (roll < 0.3) records.push({ op: 'create', fields: { ...fresh(), ...suite.fields(rng) } });
        else if (roll < 0.55 && existing) records.push({ op: 'update', id: existing, fields: suite.fields(rng) });
        else if (roll < 0.75 && naturalKey) {
          const key = existing && rng() < 0.7 ? { [naturalKey]: state.get(existing)![naturalKey] } : fresh();
          records.push({ op: 'upsert', fields: { ...key, ...suite.fields(rng) } });
        } else if (existing) records.push({ op: 'delete', id: existing, fields: {} });
        // A record the vendor refuses: in a batch create, one error of a partly failed answer.
        if (rng() < 0.06) records.push({ op: 'create', fields: suite.invalid(++serial, rng) });
        if (suite.invalidUpdate && rng() < 0.03 && existing) records.push({ op: 'update', id: existing, fields: suite.invalidUpdate });
      }
      return records;
    }
  });
}
