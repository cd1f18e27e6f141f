/**
 * The stream reliability suite every connector with a source runs against its sandbox, in the
 * form of the conformance suites (`streamReliabilitySuite(case)` from the connector's own
 * `reliability.test.ts`):
 *
 * - crash: a sync worker, a process of its own, is killed with SIGKILL at N random points of a
 *   sync of M records; after resumption the canonical table equals what the sandbox serves
 *   (ids, payloads, canonical data) and no change event is doubled;
 * - faults: ~20% of requests answered 429, 503 or a connection reset by the sandbox toolkit's
 *   fault injection, and every record still arrives, once;
 * - re-auth: a 401 mid-run is sent exactly once, the run fails as permanent and the connection
 *   is flagged `needs_reauth`.
 *
 * The sandbox runs in the test process: only the worker is killed, the vendor outlives it, and
 * the suite reads the sandbox's own record ids and drives its fault injector. The worker reads
 * the connection from the database like any worker, so the connector must be in the built-in
 * catalogue (connectors/index.ts). A new connector's `reliability.test.ts` needs only its
 * conformance sandbox: `streamReliabilitySuite({ definition, start, object, pageSize,
 * crash: { records, kills }, faults: { records } })`.
 */
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConnectorError } from '../../src/core/index.js';
import { ConnectorRegistry } from '../../src/registry/index.js';
import { CANONICAL_TABLES, preparePage, runSync } from '../../src/stream/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { createStream } from '../support/tenancy.js';
import { harnessFor, readAll, sourceOf } from './harness.js';
import { connectionsFor, storeConnection, suiteKeys, type SuiteKeys } from './reliability/connection.js';
import { sleep, WarmWorkers } from './reliability/processes.js';
import { asFault } from './source.js';
import type { ConformanceOptions, ConformanceSandbox } from './types.js';

export interface StreamReliabilityCase extends ConformanceOptions {
  /** The source object synced (its canonical table is the one compared). */
  object: string;
  /** Records per page the connector reads: a resumed run may re-read at most this many a kill. */
  pageSize: number;
  crash: {
    /**
     * Records the sandbox holds (M). Scale it so the test stays near 20 s on a busy 2-core
     * machine, with at least a few pages between kills.
     */
    records: number;
    /** SIGKILLs, each at a random point of the sync (N). */
    kills: number;
    /**
     * A sandbox that already holds exactly `records` live records of the object (a generated
     * data set, say). @default `start()`, then `seed(object, records)`
     */
    start?: () => Promise<ConformanceSandbox>;
    /** Upper bound of the random wait after a kill point is reached. @default 200 */
    jitterMs?: number;
    /** @default 120_000 */
    timeoutMs?: number;
  };
  faults: {
    /** Records seeded for the fault and re-auth tests: enough pages for ~30 requests or more. */
    records: number;
    /** Share of requests answered 429, 503 or reset, split evenly between the three. @default 0.2 */
    rate?: number;
    /** @default 60_000 */
    timeoutMs?: number;
  };
  /** Which request (1-based) of the re-auth test answers 401; earlier pages are committed. @default 6 */
  unauthorizedAt?: number;
}

export function streamReliabilitySuite(suite: StreamReliabilityCase): void {
  const { object } = suite;
  const registry = new ConnectorRegistry();
  const definition = registry.register(suite.definition);
  const objectDefinition = definition.objects.find((o) => o.name === object);
  if (!objectDefinition?.source) throw new Error(`${definition.id} has no source object ${object}`);
  const table = CANONICAL_TABLES[objectDefinition.canonical];

  describe(`stream reliability: ${definition.id} ${object}`, () => {
    let database: TestDatabase;
    let keys: SuiteKeys;
    beforeAll(async () => {
      database = await createTestDatabase();
      keys = suiteKeys(`stream-${definition.id}`);
    });
    afterAll(async () => database?.close());

    const persisted = async (connectionId: string) =>
      (await database.pool.query<{ n: number }>(`select count(*)::int as n from ${table} where connection_id = $1`, [connectionId])).rows[0]!.n;

    const { records, kills } = suite.crash;
    it(`survives ${kills} SIGKILLs at random points of a ${records.toLocaleString('en-US')}-record sync: the canonical table equals the sandbox, no change event doubled`, async () => {
      const sandbox = suite.crash.start ? await suite.crash.start() : await suite.start();
      let workers: WarmWorkers | undefined;
      try {
        if (!suite.crash.start) await sandbox.seed(object, records);
        expect(sandbox.liveIds(object)).toHaveLength(records);
        const tenant = await storeConnection(database.pool, definition.id, sandbox, keys);
        const streamId = await createStream(database.pool, tenant, object);
        workers = new WarmWorkers('test/conformance/reliability/sync-worker.ts', [streamId], { DATABASE_URL: database.url, CONNECTOR_ENCRYPTION_KEY: keys.keyHex, LEASE_SECONDS: '1' }, { total: kills + 1 });

        // Kill points: one in each of the first N of N+1 equal stretches of the data set, so
        // every kill has a page to interrupt and the last worker has a stretch left to finish.
        const points = Array.from({ length: kills }, (_, i) => Math.floor((records * (i + Math.random())) / (kills + 1)));
        let committed = 0;
        for (const [i, point] of points.entries()) {
          const worker = await workers.take();
          worker.go();
          // This worker has committed a page of its own, and the sync has reached the kill point.
          while (worker.exitCode() === undefined && (await persisted(tenant.connectionId)) < Math.max(point, committed + 1)) await sleep(25);
          if (worker.exitCode() === undefined) await sleep(Math.random() * (suite.crash.jitterMs ?? 200));
          expect(worker.exitCode(), `worker ${i} ended (code ${worker.exitCode()}) before kill ${i + 1} at ${point} of ${records}: raise crash.records`).toBeUndefined();
          await worker.kill();
          committed = await persisted(tenant.connectionId);
        }
        const last = await workers.take();
        last.go();
        expect(await last.exited, 'the resuming worker failed').toBe(0);

        const runs = await database.pool.query<{ status: string; records: number }>(
          `select status, coalesce((result->>'records')::int, 0) as records from sync_runs where stream_id = $1`, [streamId]);
        expect(runs.rows).toHaveLength(kills + 1);
        expect(runs.rows.filter((r) => r.status === 'succeeded')).toHaveLength(1);
        // Resumption continued from the checkpoint each time, it never started over: all runs
        // together committed the data set once, plus at most a page re-read a kill.
        const read = runs.rows.reduce((sum, r) => sum + r.records, 0);
        expect(read).toBeGreaterThanOrEqual(records);
        expect(read).toBeLessThanOrEqual(records + kills * suite.pageSize);

        await expectTableEqualsSandbox(tenant.connectionId, sandbox);
        const events = await database.pool.query<{ op: string; n: number; ids: number }>(
          'select op, count(*)::int as n, count(distinct external_id)::int as ids from change_log where connection_id = $1 group by op', [tenant.connectionId]);
        expect(events.rows).toEqual([{ op: 'insert', n: records, ids: records }]);
      } finally {
        await workers?.close();
        await sandbox.stop();
      }
    }, suite.crash.timeoutMs ?? 120_000);

    /** What an uninterrupted full read of the sandbox gives, prepared as the runner prepares it. */
    async function expectTableEqualsSandbox(connectionId: string, sandbox: ConformanceSandbox): Promise<void> {
      const { ctx } = await harnessFor(suite.definition, sandbox);
      const pages = await readAll(ctx, sourceOf(definition, object), null, 'full', 1_000_000);
      const reference = preparePage(pages.flatMap((p) => p.records), { canonical: objectDefinition!.canonical, mapping: objectDefinition!.mapping, scrub: (t) => t });
      const { rows } = await database.pool.query<{ external_id: string; data: unknown; raw: unknown; hash: string; deleted_at: Date | null }>(
        `select external_id, data, raw, hash, deleted_at from ${table} where connection_id = $1 and object = $2`, [connectionId, object]);
      expect(rows.map((r) => r.external_id).sort()).toEqual([...sandbox.liveIds(object)].map(String).sort());
      expect(reference.rows.map((r) => r.externalId).sort()).toEqual(rows.map((r) => r.external_id).sort());
      const stored = new Map(rows.map((r) => [r.external_id, r]));
      const differing = reference.rows.filter((ref) => {
        const row = stored.get(ref.externalId)!;
        return row.deleted_at !== null || row.hash !== ref.hash
          || !isDeepStrictEqual(row.raw, JSON.parse(JSON.stringify(ref.raw))) || !isDeepStrictEqual(row.data, JSON.parse(JSON.stringify(ref.data)));
      });
      expect(differing.slice(0, 3).map((r) => ({ id: r.externalId, stored: stored.get(r.externalId), sandbox: r })), `${differing.length} rows differ from the sandbox`).toEqual([]);
      const dead = await database.pool.query<{ external_id: string | null }>('select external_id from dead_letters where connection_id = $1', [connectionId]);
      expect(dead.rows.map((r) => r.external_id).sort()).toEqual(reference.rejected.map((r) => r.externalId).sort());
    }

    describe('under vendor faults', () => {
      let sandbox: ConformanceSandbox;
      beforeAll(async () => {
        sandbox = await suite.start();
        await sandbox.seed(object, suite.faults.records);
      });
      afterAll(async () => sandbox?.stop());

      async function stream() {
        const tenant = await storeConnection(database.pool, definition.id, sandbox, keys);
        return { ...tenant, streamId: await createStream(database.pool, tenant, object), connections: connectionsFor(database.pool, registry, keys) };
      }

      it(`brings every record home through ${Math.round((suite.faults.rate ?? 0.2) * 100)}% of 429s, 503s and connection resets`, async () => {
        const { connectionId, streamId, connections } = await stream();
        const each = (suite.faults.rate ?? 0.2) / 3;
        sandbox.server.faults.clear();
        sandbox.server.clearLog();
        sandbox.server.faults.add({ kind: 'status', status: 429, probability: each, retryAfterSeconds: 0, body: sandbox.errorResponse(429).body });
        sandbox.server.faults.add({ kind: 'status', status: 503, probability: each, body: sandbox.errorResponse(503).body });
        sandbox.server.faults.add({ kind: 'reset', probability: each });
        try {
          const result = await runSync(database.pool, connections, { streamId });
          const log = sandbox.server.requestLog;
          const faulted = log.filter((r) => r.fault);
          expect(faulted.length / log.length, `${faulted.length} of ${log.length} requests faulted`).toBeGreaterThan((suite.faults.rate ?? 0.2) / 2);
          for (const status of [429, 503]) expect(log.some((r) => r.fault === 'status' && r.status === status), `a ${status} was injected`).toBe(true);
          expect(log.some((r) => r.fault === 'reset'), 'a reset was injected').toBe(true);
          expect(result.stats.created).toBe(suite.faults.records);
          const ids = await database.pool.query<{ external_id: string }>(`select external_id from ${table} where connection_id = $1`, [connectionId]);
          expect(ids.rows.map((r) => r.external_id).sort()).toEqual([...sandbox.liveIds(object)].map(String).sort());
          const events = await database.pool.query<{ n: number; ids: number }>('select count(*)::int as n, count(distinct external_id)::int as ids from change_log where connection_id = $1', [connectionId]);
          expect(events.rows[0]).toEqual({ n: suite.faults.records, ids: suite.faults.records });
        } finally {
          sandbox.server.faults.clear();
        }
      }, suite.faults.timeoutMs ?? 60_000);

      it('sends a 401 mid-run exactly once, fails the run as permanent and flags the connection needs_reauth', async () => {
        const { connectionId, streamId, connections } = await stream();
        const at = suite.unauthorizedAt ?? 6;
        sandbox.server.faults.clear();
        sandbox.server.clearLog();
        let requests = 0;
        sandbox.server.faults.add({ kind: 'status', times: 1, match: () => ++requests === at, ...asFault(sandbox.errorResponse(401)) });
        try {
          const error = await runSync(database.pool, connections, { streamId }).then(() => undefined, (e: unknown) => e);
          expect(isConnectorError(error) && { kind: error.kind, status: error.status }).toEqual({ kind: 'permanent', status: 401 });
          const log = sandbox.server.requestLog;
          expect(log.filter((r) => r.status === 401)).toHaveLength(1);
          // Not retried, and nothing sent after it: the request log ends with the 401.
          expect(log).toHaveLength(at);
          expect(log.at(-1)!.status).toBe(401);
          expect(await persisted(connectionId), 'pages were committed before the 401: it came mid-run').toBeGreaterThan(0);
          const connection = await database.pool.query<{ status: string }>('select status from connections where id = $1', [connectionId]);
          expect(connection.rows[0]!.status).toBe('needs_reauth');
          const run = await database.pool.query<{ status: string; error: Record<string, unknown> }>('select status, error from sync_runs where stream_id = $1', [streamId]);
          expect(run.rows).toHaveLength(1);
          expect(run.rows[0]).toMatchObject({ status: 'failed', error: { kind: 'permanent', status: 401 } });
          for (const secret of Object.values(sandbox.credentials).filter((s) => s.length >= 6)) expect(JSON.stringify(run.rows[0]!.error)).not.toContain(secret);
        } finally {
          sandbox.server.faults.clear();
        }
      });
    });
  });
}
