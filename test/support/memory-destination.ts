/**
 * An in-memory vendor with a destination contract and seeded faults, for exercising the load
 * engine's invariants fast (hundreds of loads); the sandboxes prove the same over real HTTP.
 */
import { ConnectorError } from '../../src/core/index.js';
import type { DestinationOperations, WriteOutcome } from '../../src/registry/index.js';

export type MemoryFault = 'timeout_before' | 'timeout_after' | 'unavailable' | 'partial' | 'fake_delete';

export class MemoryVendor {
  records = new Map<string, Record<string, unknown>>();
  private nextId = 1;
  faultRate = 0;
  faults: MemoryFault[] = [];
  private seed: number;

  constructor(seed = 1) {
    this.seed = seed;
  }

  random(): number {
    // mulberry32: small, seeded, good enough to pick faults reproducibly.
    let t = (this.seed += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  insert(fields: Record<string, unknown>): string {
    const id = String(this.nextId++);
    this.records.set(id, { id, ...fields });
    return id;
  }

  private fault(): MemoryFault | null {
    if (this.faults.length === 0 || this.random() >= this.faultRate) return null;
    return this.faults[Math.floor(this.random() * this.faults.length)]!;
  }

  private validate(fields: Record<string, unknown>): ConnectorError | null {
    if (fields.email !== undefined && !/^[^@\s]+@[^@\s]+$/.test(String(fields.email))) {
      return new ConnectorError('memory answered 400 (fields: email)', { kind: 'validation', status: 400, fields: [{ field: 'email', message: 'is not an email' }] });
    }
    return null;
  }

  /** Applies a batch under a possible fault; `apply` performs one record's write. */
  private batch<T>(inputs: T[], apply: (input: T) => WriteOutcome, isDelete = false): WriteOutcome[] {
    const fault = this.fault();
    if (fault === 'timeout_before') throw new ConnectorError('memory: the vendor did not answer in time', { kind: 'transient', code: 'timeout' });
    if (fault === 'unavailable') throw new ConnectorError('memory answered 503', { kind: 'transient', status: 503 });
    const victim = fault === 'partial' ? Math.floor(this.random() * inputs.length) : -1;
    const outcomes = inputs.map((input, i) => {
      if (i === victim) return { ok: false as const, error: new ConnectorError('memory answered 207: record refused', { kind: 'validation', status: 400, fields: [{ field: 'name', message: 'refused by the vendor' }] }) };
      if (isDelete && fault === 'fake_delete') return { ok: true as const, id: String(input) };
      return apply(input);
    });
    if (fault === 'timeout_after') throw new ConnectorError('memory: the answer was lost', { kind: 'transient', code: 'timeout' });
    return outcomes;
  }

  destination(batchSize: number): DestinationOperations {
    return {
      batchSize,
      get: async (_ctx, ids) => new Map(ids.map((id) => [id, this.records.get(id) ? { ...this.records.get(id)! } : null])),
      findByNaturalKey: async (_ctx, values) => {
        const found = new Map<string, Record<string, unknown>>();
        for (const record of this.records.values()) for (const v of values) if (String(record.email).toLowerCase() === v.toLowerCase()) found.set(v, { ...record });
        return found;
      },
      create: async (_ctx, records) => this.batch(records, (fields) => {
        const invalid = this.validate(fields);
        if (invalid) return { ok: false, error: invalid };
        return { ok: true, id: this.insert(fields) };
      }),
      update: async (_ctx, updates) => this.batch(updates, ({ id, fields }) => {
        const current = this.records.get(id);
        if (!current) return { ok: false, error: new ConnectorError('memory answered 404', { kind: 'not_found', status: 404 }) };
        const invalid = this.validate(fields);
        if (invalid) return { ok: false, error: invalid };
        const next = { ...current, ...fields };
        for (const [k, v] of Object.entries(fields)) if (v === '' || v === null) delete next[k];
        this.records.set(id, next);
        return { ok: true, id };
      }),
      delete: async (_ctx, ids) => this.batch(ids, (id) => {
        this.records.delete(id);
        return { ok: true, id };
      }, true),
      restore: async (_ctx, _id, snapshot) => {
        const { id: _old, ...fields } = snapshot;
        return { ok: true, id: this.insert(fields) };
      },
      normalise: (field, value) => (field === 'email' && typeof value === 'string' ? value.toLowerCase() : value),
      ignoreOnVerify: ['id'],
    };
  }
}
