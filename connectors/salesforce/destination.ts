/**
 * The destination side of an sObject on sObject Collections: 200 records a call for creates,
 * updates, deletes and reads (`GET /composite/sobjects/{type}?ids=…&fields=…`, null for a
 * record that is gone). A delete moves the record to the Recycle Bin, where reads no longer see
 * it. Salesforce's undelete exists only in SOAP and Apex, not in REST: a restore re-creates the
 * record from its snapshot, under a new id, which the outcome reports.
 */
import { unwrap } from '../../src/core/index.js';
import type { ConnectorContext, DestinationOperations, WriteOutcome } from '../../src/registry/index.js';
import { chunks, COLLECTIONS_PATH, createChunk, deleteChunk, updateChunk } from './collections.js';
import { normalise, writable } from './fields.js';
import { findByNaturalKey } from './natural-key.js';
import { COLLECTION_LIMIT, selectedFields, type SObject } from './objects.js';
import { fieldsOf } from './records.js';
import { retrieveResultsSchema } from './schemas.js';

export function salesforceDestination(object: SObject): DestinationOperations {
  // Fields a load wrote through this context, so the read back for verify includes them even
  // when they are not among those the connector reads by default.
  const written = new WeakMap<ConnectorContext, Set<string>>();
  const remember = (ctx: ConnectorContext, records: Array<Record<string, unknown>>) => {
    const names = written.get(ctx) ?? new Set<string>();
    for (const record of records) for (const name of Object.keys(writable(object, record, 'update'))) names.add(name);
    written.set(ctx, names);
  };
  const readFields = (ctx: ConnectorContext) => [...new Set([...selectedFields(object, ctx.config), ...(written.get(ctx) ?? [])])];

  const destination: DestinationOperations = {
    batchSize: COLLECTION_LIMIT,
    ignoreOnVerify: [...object.readOnly, 'attributes', '_derived'],
    normalise,

    async get(ctx, ids, options) {
      // A snapshot names the fields the load writes: they must be read, or rollback cannot restore them.
      const fields = [...new Set([...readFields(ctx), ...(options?.fields ?? [])])].join(',');
      const found = new Map<string, Record<string, unknown> | null>(ids.map((id) => [id, null]));
      for (const part of chunks(ids)) {
        const body = unwrap(await ctx.http.request({
          url: `${COLLECTIONS_PATH}/${object.type}`, query: { ids: part.join(','), fields }, schema: retrieveResultsSchema, signal: ctx.signal,
        }));
        // Results come in the order of the ids asked for; Salesforce answers 18-character ids
        // even when it was asked with 15, so the position says which id a record answers.
        body.forEach((record, i) => { if (record) found.set(part[i]!, fieldsOf(record)); });
      }
      return found;
    },

    findByNaturalKey: object.naturalKey ? (ctx, values) => findByNaturalKey(ctx, object, values, [...(written.get(ctx) ?? [])]) : undefined,

    async create(ctx, records) {
      remember(ctx, records);
      const outcomes: WriteOutcome[] = [];
      for (const part of chunks(records)) outcomes.push(...(await createChunk(ctx, object, part)));
      return outcomes;
    },

    async update(ctx, records) {
      remember(ctx, records.map((r) => r.fields));
      const outcomes: WriteOutcome[] = [];
      for (const part of chunks(records)) outcomes.push(...(await updateChunk(ctx, object, part)));
      return outcomes;
    },

    async delete(ctx, ids) {
      const outcomes: WriteOutcome[] = [];
      for (const part of chunks(ids)) outcomes.push(...(await deleteChunk(ctx, part)));
      return outcomes;
    },

    async restore(ctx, _id, snapshot) {
      // A retried restore whose first answer was lost must not make a second copy: the record it
      // re-creates carries the snapshot's natural key, so look for it first.
      const value = object.naturalKey ? snapshot[object.naturalKey] : undefined;
      if (typeof value === 'string' && value !== '') {
        const found = [...(await findByNaturalKey(ctx, object, [value])).entries()].find(([k]) => k.toLowerCase() === value.toLowerCase())?.[1];
        if (found) return { ok: true, id: String(found.Id ?? found.id) };
      }
      const [outcome] = await createChunk(ctx, object, [snapshot]);
      return outcome!;
    },
  };
  if (!destination.findByNaturalKey) delete destination.findByNaturalKey;
  return destination;
}
