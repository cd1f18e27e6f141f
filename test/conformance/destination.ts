/**
 * The destination conformance suite: create, update, delete confirmed by a read after it, batch
 * writes within the declared size, per-record validation errors naming the vendor's fields, and
 * a sandbox honest enough to show a 2xx delete that deleted nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DestinationOperations, WriteOutcome } from '../../src/registry/index.js';
import { harnessFor } from './harness.js';
import type { ConformanceOptions, ConformanceSandbox } from './types.js';

export interface DestinationConformanceOptions extends ConformanceOptions {
  object: string;
  /** A valid record in the vendor's field names; `i` makes it unique. */
  validRecord: (i: number) => Record<string, unknown>;
  /** A record the vendor refuses, and the field it names. */
  invalidRecord: () => { record: Record<string, unknown>; field: string };
  /** Fields to change in an update, and how to read a field back from a fetched record. */
  update: { fields: Record<string, unknown>; read: (record: Record<string, unknown>, field: string) => unknown };
}

function okIds(outcomes: WriteOutcome[]): string[] {
  return outcomes.map((o) => {
    if (!o.ok) throw new Error(`write failed: ${o.error.message}`);
    return o.id;
  });
}

export function destinationConformance(options: DestinationConformanceOptions): void {
  const { object } = options;
  describe(`destination conformance: ${String(options.definition.id)} ${object}`, () => {
    let sandbox: ConformanceSandbox;
    beforeAll(async () => { sandbox = await options.start(); });
    afterAll(async () => sandbox.stop());

    async function destination() {
      const harness = await harnessFor(options.definition, sandbox);
      const found = harness.definition.objects.find((o) => o.name === object);
      if (!found?.destination) throw new Error(`${harness.definition.id} has no destination ${object}`);
      return { ...harness, dest: found.destination as DestinationOperations };
    }

    it('creates a full batch in batched calls and reads every record back', async () => {
      const { ctx, dest } = await destination();
      const n = Math.min(dest.batchSize, 25);
      sandbox.server.clearLog();
      const outcomes = await dest.create(ctx, Array.from({ length: n }, (_, i) => options.validRecord(i)), { idempotencyKeys: Array.from({ length: n }, (_, i) => `create-${Date.now()}-${i}`) });
      const ids = okIds(outcomes);
      expect(ids).toHaveLength(n);
      const writes = sandbox.server.requestLog.filter((r) => r.method !== 'GET');
      if (dest.batchSize > 1) expect(writes.length).toBeLessThan(n);
      const read = await dest.get(ctx, ids);
      expect(ids.every((id) => read.get(id))).toBe(true);
    });

    it('updates a record and the change reads back', async () => {
      const { ctx, dest } = await destination();
      const [id] = okIds(await dest.create(ctx, [options.validRecord(1000)], { idempotencyKeys: [`u-${Date.now()}`] }));
      okIds(await dest.update(ctx, [{ id: id!, fields: options.update.fields }]));
      const record = (await dest.get(ctx, [id!])).get(id!);
      for (const [field, value] of Object.entries(options.update.fields)) expect(options.update.read(record!, field)).toEqual(value);
    });

    it('deletes a record and a read after the delete confirms it is gone', async () => {
      const { ctx, dest } = await destination();
      const [id] = okIds(await dest.create(ctx, [options.validRecord(2000)], { idempotencyKeys: [`d-${Date.now()}`] }));
      okIds(await dest.delete(ctx, [id!]));
      const after = await dest.get(ctx, [id!]);
      expect(after.get(id!) ?? null).toBeNull();
    });

    it('reports a refused record with the vendor fields, without failing the others', async () => {
      const { ctx, dest } = await destination();
      const bad = options.invalidRecord();
      const outcomes = await dest.create(ctx, [options.validRecord(3000), bad.record, options.validRecord(3001)], { idempotencyKeys: ['v1', 'v2', 'v3'].map((k) => `${k}-${Date.now()}`) });
      expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
      const failure = outcomes[1]!;
      if (failure.ok) throw new Error('unreachable');
      expect(failure.error.kind).toBe('validation');
      expect(failure.error.fields.map((f) => f.field)).toContain(bad.field);
    });

    it('lets a 2xx delete that deleted nothing be caught by the read after it', async () => {
      const { ctx, dest } = await destination();
      const [id] = okIds(await dest.create(ctx, [options.validRecord(4000)], { idempotencyKeys: [`f-${Date.now()}`] }));
      sandbox.server.faults.add({ kind: 'fake_delete', times: 1 });
      const outcome = await dest.delete(ctx, [id!]);
      expect(outcome[0]!.ok).toBe(true);
      expect((await dest.get(ctx, [id!])).get(id!)).toBeTruthy();
      sandbox.server.faults.clear();
    });
  });
}
