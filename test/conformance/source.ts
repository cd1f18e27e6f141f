/**
 * The source conformance suite every connector runs against its sandbox: full reads, sequential
 * reads, incremental reads from a checkpoint, resuming from every checkpoint, a future cursor,
 * pagination end, deletes, the error taxonomy with the vendor's own error bodies, no secret out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, isConnectorError } from '../../src/core/index.js';
import { harnessFor, liveIdsOf, readAll, sourceOf } from './harness.js';
import type { ConformanceOptions, ConformanceSandbox } from './types.js';

export interface SourceConformanceOptions extends ConformanceOptions {
  object: string;
  /** Records per page the connector asks for (the suite seeds several pages' worth). */
  pageSize: number;
  /** A cursor dated in the future, in this connector's cursor shape. */
  futureCursor: () => unknown;
}

async function expectFailure(promise: Promise<unknown>): Promise<ConnectorError> {
  try {
    await promise;
  } catch (error) {
    if (isConnectorError(error)) return error;
    throw error;
  }
  throw new Error('expected the read to fail');
}

export function sourceConformance(options: SourceConformanceOptions): void {
  const { object, pageSize } = options;
  describe(`source conformance: ${String(options.definition.id)} ${object}`, () => {
    let sandbox: ConformanceSandbox;
    const total = pageSize * 2 + Math.ceil(pageSize / 2);
    beforeAll(async () => {
      sandbox = await options.start();
      await sandbox.seed(object, total);
    });
    afterAll(async () => sandbox.stop());

    const fresh = () => harnessFor(options.definition, sandbox);

    it('reads every live record exactly once in a full read, and pagination ends', async () => {
      const { ctx, definition } = await fresh();
      const pages = await readAll(ctx, sourceOf(definition, object), null, 'full');
      const ids = pages.flatMap((p) => p.records.map((r) => String(r.id)));
      expect(new Set(ids).size).toBe(ids.length);
      expect(liveIdsOf(pages)).toEqual([...sandbox.liveIds(object)].sort());
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(pages.at(-1)!.hasMore).toBe(false);
      expect(pages.slice(0, -1).every((p) => p.hasMore)).toBe(true);
    });

    it('returns the same records on two sequential full reads', async () => {
      const { ctx, definition } = await fresh();
      const first = liveIdsOf(await readAll(ctx, sourceOf(definition, object), null, 'full'));
      const second = liveIdsOf(await readAll(ctx, sourceOf(definition, object), null, 'full'));
      expect(second).toEqual(first);
    });

    it('reads only what changed since the checkpoint in an incremental read', async () => {
      const { ctx, definition } = await fresh();
      const source = sourceOf(definition, object);
      const full = await readAll(ctx, source, null, 'full');
      const [a, b] = sandbox.liveIds(object);
      await new Promise((r) => setTimeout(r, 20));
      sandbox.touch(object, a!);
      sandbox.touch(object, b!);
      const changed = liveIdsOf(await readAll(ctx, source, full.at(-1)!.cursor, 'incremental'));
      expect(changed).toEqual(expect.arrayContaining([a, b]));
      expect(changed.length).toBeLessThan(sandbox.liveIds(object).length);
      // Read again from the new checkpoint: nothing new beyond the boundary.
      const again = await readAll(ctx, source, full.at(-1)!.cursor, 'incremental');
      expect(liveIdsOf(again)).toEqual(expect.arrayContaining([a, b]));
    });

    it('resumes a full read from every checkpoint without losing a record', async () => {
      const { ctx, definition } = await fresh();
      const source = sourceOf(definition, object);
      const pages = await readAll(ctx, source, null, 'full');
      const all = liveIdsOf(pages);
      for (let k = 0; k < pages.length - 1; k++) {
        const resumed = await readAll(ctx, source, pages[k]!.cursor, 'full');
        const union = new Set([...liveIdsOf(pages.slice(0, k + 1)), ...liveIdsOf(resumed)]);
        expect([...union].sort()).toEqual(all);
        // A resumed read does not start over from the beginning.
        expect(liveIdsOf(resumed).length).toBeLessThan(all.length);
      }
    });

    it('returns nothing for a cursor dated in the future', async () => {
      const { ctx, definition } = await fresh();
      const pages = await readAll(ctx, sourceOf(definition, object), options.futureCursor(), 'incremental');
      expect(liveIdsOf(pages)).toEqual([]);
      expect(pages.at(-1)?.hasMore ?? false).toBe(false);
    });

    it('surfaces a record deleted at the vendor', async () => {
      const { ctx, definition } = await fresh();
      const source = sourceOf(definition, object);
      const before = await readAll(ctx, source, null, 'full');
      const victim = sandbox.liveIds(object)[0]!;
      await new Promise((r) => setTimeout(r, 20));
      sandbox.remove(object, victim);
      if (source.deletes === 'feed') {
        const changes = await readAll(ctx, source, before.at(-1)!.cursor, 'incremental');
        const tombstone = changes.flatMap((p) => p.records).find((r) => String(r.id) === victim);
        expect(tombstone?.deleted).toBe(true);
      } else {
        const after = await readAll(ctx, source, null, 'full');
        expect(liveIdsOf(after)).not.toContain(victim);
      }
    });

    it('sends a 401 exactly once and fails as permanent', async () => {
      const { ctx, definition } = await fresh();
      sandbox.server.clearLog();
      sandbox.server.faults.add({ kind: 'status', times: 1, ...asFault(sandbox.errorResponse(401)) });
      const error = await expectFailure(readAll(ctx, sourceOf(definition, object), null, 'full'));
      expect(error.kind).toBe('permanent');
      expect(error.status).toBe(401);
      expect(sandbox.server.requestLog.filter((r) => r.status === 401)).toHaveLength(1);
      sandbox.server.faults.clear();
    });

    it('fails as permanent on 403 without retrying', async () => {
      const { ctx, definition } = await fresh();
      sandbox.server.clearLog();
      sandbox.server.faults.add({ kind: 'status', times: 1, ...asFault(sandbox.errorResponse(403)) });
      const error = await expectFailure(readAll(ctx, sourceOf(definition, object), null, 'full'));
      expect(error.kind).toBe('permanent');
      expect(sandbox.server.requestLog).toHaveLength(1);
      sandbox.server.faults.clear();
    });

    it('retries a 429 after its Retry-After and a 503, and still reads everything', async () => {
      const { ctx, definition } = await fresh();
      sandbox.server.clearLog();
      sandbox.server.faults.add({ kind: 'status', times: 1, ...asFault(sandbox.errorResponse(429)), retryAfterSeconds: 1 });
      sandbox.server.faults.add({ kind: 'status', times: 1, ...asFault(sandbox.errorResponse(503)) });
      const pages = await readAll(ctx, sourceOf(definition, object), null, 'full');
      expect(liveIdsOf(pages)).toEqual([...sandbox.liveIds(object)].sort());
      const log = sandbox.server.requestLog;
      const limited = log.findIndex((r) => r.status === 429);
      expect(limited).toBeGreaterThanOrEqual(0);
      expect(log[limited + 1]!.time - log[limited]!.time).toBeGreaterThanOrEqual(1000);
      sandbox.server.faults.clear();
    });

    it('names the fields of a 400 from the vendor body and does not retry it', async () => {
      const { ctx, definition } = await fresh();
      sandbox.server.clearLog();
      sandbox.server.faults.add({ kind: 'status', times: 1, ...asFault(sandbox.errorResponse(400)) });
      const error = await expectFailure(readAll(ctx, sourceOf(definition, object), null, 'full'));
      expect(error.kind).toBe('validation');
      expect(error.fields.length).toBeGreaterThan(0);
      expect(sandbox.server.requestLog).toHaveLength(1);
      sandbox.server.faults.clear();
    });

    it('fails as permanent with revoked credentials, and no secret reaches an error or a log line', async () => {
      const harness = await fresh();
      sandbox.revokeCredentials();
      const error = await expectFailure(readAll(harness.ctx, sourceOf(harness.definition, object), null, 'full'));
      expect(error.kind).toBe('permanent');
      const everything = [JSON.stringify(error), error.message, ...harness.logLines].join('\n');
      for (const secret of Object.values(sandbox.credentials).filter((s) => s.length >= 6)) expect(everything).not.toContain(secret);
    });
  });
}

/** A vendor error answer as a fault rule's status, body and headers. */
export function asFault(response: { status: number; body?: unknown; headers?: Record<string, string | string[]> }) {
  return { status: response.status, body: response.body, headers: response.headers as Record<string, string> | undefined };
}
