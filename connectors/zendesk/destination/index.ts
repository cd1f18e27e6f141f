/**
 * The destination side of a Zendesk object (users, organizations): writes in chunks of 100
 * (writes.ts), reads through `show_many` (100 ids a call), natural keys through search. A
 * soft-deleted user still reads back, `active: false`, and counts as gone.
 */
import { unwrap } from '../../../src/core/index.js';
import type { DestinationOperations, WriteOutcome } from '../../../src/registry/index.js';
import { z } from 'zod';
import { organizationSchema, userSchema } from '../schemas.js';
import { normalise } from './fields.js';
import { findByNaturalKey } from './find.js';
import { BULK_LIMIT, type WritableObject } from './objects.js';
import { writesOf } from './writes.js';

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BULK_LIMIT) out.push(items.slice(i, i + BULK_LIMIT));
  return out;
}

async function inChunks<T>(items: T[], write: (part: T[]) => Promise<WriteOutcome[]>): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  for (const part of chunks(items)) outcomes.push(...(await write(part)));
  return outcomes;
}

export function zendeskDestination(object: WritableObject): DestinationOperations {
  const item = object.plural === 'users' ? userSchema : organizationSchema;
  const many = z.looseObject({ [object.plural]: z.array(item) }).transform((b) => b[object.plural] as Array<Record<string, unknown>>);
  const writes = writesOf(object);

  return {
    batchSize: BULK_LIMIT,
    ignoreOnVerify: [...object.readOnly],
    normalise,

    async get(ctx, ids) {
      const found = new Map<string, Record<string, unknown> | null>(ids.map((id) => [id, null]));
      for (const part of chunks(ids)) {
        const records = unwrap(await ctx.http.request({ url: `/api/v2/${object.plural}/show_many.json`, query: { ids: part.join(',') }, schema: many, signal: ctx.signal }));
        for (const record of records) if (!object.gone(record)) found.set(String(record.id), object.toRecord(record));
      }
      return found;
    },

    findByNaturalKey: (ctx, values) => findByNaturalKey(ctx, object, values),
    create: (ctx, records) => inChunks(records, (part) => writes.create(ctx, part)),
    update: (ctx, records) => inChunks(records, (part) => writes.update(ctx, part)),
    delete: (ctx, ids) => inChunks(ids, (part) => writes.delete(ctx, part)),

    // Zendesk cannot undelete through the API (a deleted organization is gone; a deleted user can
    // only be deleted for good): re-create from the snapshot. It gets a new id, which the outcome reports.
    async restore(ctx, _id, snapshot) {
      const [outcome] = await writes.create(ctx, [snapshot]);
      return outcome!;
    },
  };
}
