/**
 * The destination side of a NetSuite record type (contacts, customers): one record a call
 * (batch size 1: the record API has no bulk writes), reads by `GET`, natural keys by SuiteQL.
 * A deleted record is gone for good (REST has no undelete): restore re-creates it from its
 * snapshot under a new internal id, which the outcome reports.
 */
import type { DestinationOperations, WriteOutcome } from '../../../src/registry/index.js';
import type { NsObject } from '../objects.js';
import { flatten, normalise } from './fields.js';
import { findByNaturalKey } from './find.js';
import { readRecord } from './read.js';
import { createOne, deleteOne, updateOne } from './writes.js';

/** Reads in flight at once: the account's concurrency limit is shared with every integration. */
const READS_IN_FLIGHT = 2;

async function each<T>(items: T[], write: (item: T) => Promise<WriteOutcome>): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  for (const item of items) outcomes.push(await write(item));
  return outcomes;
}

export function netsuiteDestination(object: NsObject): DestinationOperations {
  return {
    batchSize: 1,
    ignoreOnVerify: [...object.readOnly],
    normalise,
    fieldsOf: flatten,

    async get(ctx, ids) {
      const found = new Map<string, Record<string, unknown> | null>(ids.map((id) => [id, null]));
      let next = 0;
      const worker = async () => {
        while (next < ids.length) {
          const id = ids[next++]!;
          found.set(id, await readRecord(ctx, object, id));
        }
      };
      await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, ids.length) }, worker));
      return found;
    },

    findByNaturalKey: (ctx, values) => findByNaturalKey(ctx, object, values),
    create: (ctx, records) => each(records, (record) => createOne(ctx, object, record)),
    update: (ctx, records) => each(records, (record) => updateOne(ctx, object, record.id, record.fields)),
    delete: (ctx, ids) => each(ids, (id) => deleteOne(ctx, object, id)),
    restore: (ctx, _id, snapshot) => createOne(ctx, object, snapshot),
  };
}
