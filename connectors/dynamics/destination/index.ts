/**
 * The destination side of a Dataverse table (contacts, accounts): writes one at a time or in
 * `$batch` requests of 100 (writes.ts), reads by id and natural key (reads.ts), restore under
 * the record's old id, and Dataverse's own normalisation for verify (fields.ts).
 */
import type { DestinationOperations } from '../../../src/registry/index.js';
import { BATCH_SIZE, type DataverseEntity } from '../entities.js';
import { normalise } from './fields.js';
import { findByNaturalKey, getByIds } from './reads.js';
import { writesOf } from './writes.js';

function inChunks<T, R>(items: T[], write: (part: T[]) => Promise<R[]>): Promise<R[]> {
  return (async () => {
    const out: R[] = [];
    for (let i = 0; i < items.length; i += BATCH_SIZE) out.push(...(await write(items.slice(i, i + BATCH_SIZE))));
    return out;
  })();
}

export function dynamicsDestination(entity: DataverseEntity): DestinationOperations {
  const writes = writesOf(entity);
  return {
    batchSize: BATCH_SIZE,
    ignoreOnVerify: [...entity.readOnly],
    normalise,
    get: (ctx, ids, options) => getByIds(ctx, entity, ids, options?.fields),
    findByNaturalKey: (ctx, values) => findByNaturalKey(ctx, entity, values),
    create: (ctx, records) => inChunks(records, (part) => writes.create(ctx, part)),
    update: (ctx, records) => inChunks(records, (part) => writes.update(ctx, part)),
    delete: (ctx, ids) => inChunks(ids, (part) => writes.delete(ctx, part)),
    restore: (ctx, id, snapshot) => writes.restore(ctx, id, snapshot),
  };
}
