/**
 * The destination side of a HubSpot object, on the CRM v3 batch endpoints (100 inputs a call).
 * Creates always send `objectWriteTraceId`s, which makes HubSpot answer a partial failure as 207
 * instead of refusing the whole batch. When HubSpot still refuses a whole batch for one record
 * (batch update does on an invalid value), the records are sent one by one to learn which.
 */
import { unwrap } from '../../src/core/index.js';
import type { ConnectorContext, DestinationOperations, WriteOutcome } from '../../src/registry/index.js';
import { chunks, refused } from './batching.js';
import { findByNaturalKey } from './natural-key.js';
import { BATCH_LIMIT, READ_ONLY_PROPERTIES, type HubspotObject } from './objects.js';
import { createOutcomes, failedAll, updateOutcomes } from './outcomes.js';
import { flatten, normalise, toProperties, writableOf } from './properties.js';
import { batchResponseSchema } from './schemas.js';

export function hubspotDestination(object: HubspotObject): DestinationOperations {
  const base = `/crm/v3/objects/${object.name}`;
  // Properties a load wrote through this context, so that reading back for verify includes
  // them even when they are not among the ones the connector reads by default.
  const written = new WeakMap<ConnectorContext, Set<string>>();
  const remember = (ctx: ConnectorContext, inputs: Array<Record<string, string>>) => {
    const names = written.get(ctx) ?? new Set<string>();
    for (const input of inputs) for (const name of Object.keys(input)) names.add(name);
    written.set(ctx, names);
  };
  const readProperties = (ctx: ConnectorContext) => [...new Set([...object.properties, ...(written.get(ctx) ?? [])])];
  const post = (ctx: ConnectorContext, path: string, json: unknown) =>
    // Batch reads only read: safe to replay after a timeout. Writes are not.
    ctx.http.request({ method: 'POST', url: `${base}${path}`, json, schema: batchResponseSchema, signal: ctx.signal, replayable: path === '/batch/read' });

  async function createChunk(ctx: ConnectorContext, records: Array<Record<string, unknown>>): Promise<WriteOutcome[]> {
    const inputs = records.map((r) => toProperties(r, 'create'));
    const traceIds = inputs.map((_, i) => String(i));
    remember(ctx, inputs);
    const res = await post(ctx, '/batch/create', { inputs: inputs.map((properties, i) => ({ objectWriteTraceId: traceIds[i], properties })) });
    if (res.ok && res.body) return createOutcomes(inputs, traceIds, res.body);
    return refused(res.error!, records, (one) => createChunk(ctx, [one]));
  }

  async function updateChunk(ctx: ConnectorContext, records: Array<{ id: string; fields: Record<string, unknown> }>): Promise<WriteOutcome[]> {
    const inputs = records.map((r) => ({ id: r.id, properties: toProperties(r.fields, 'update') }));
    remember(ctx, inputs.map((i) => i.properties));
    const res = await post(ctx, '/batch/update', { inputs });
    if (res.ok && res.body) return updateOutcomes(records.map((r) => r.id), res.body);
    return refused(res.error!, records, (one) => updateChunk(ctx, [one]));
  }

  const destination: DestinationOperations = {
    batchSize: BATCH_LIMIT,
    ignoreOnVerify: READ_ONLY_PROPERTIES,
    normalise,

    async get(ctx, ids, options) {
      const found = new Map<string, Record<string, unknown> | null>(ids.map((id) => [id, null]));
      // The caller's fields too (a load's snapshot holds every property the load writes).
      const properties = [...new Set([...readProperties(ctx), ...(options?.fields ?? []).filter((f) => f !== 'id')])];
      for (const part of chunks(ids)) {
        // Archived records count as gone: the default read (archived=false) does not return them,
        // and the ids it cannot find come back in a 207's errors, which need no handling here.
        const body = unwrap(await post(ctx, '/batch/read', { inputs: part.map((id) => ({ id })), properties, propertiesWithHistory: [] }));
        for (const record of body.results) found.set(record.id, flatten(record));
      }
      return found;
    },

    findByNaturalKey: object.naturalKey ? (ctx, values) => findByNaturalKey(ctx, object, values, readProperties(ctx)) : undefined,

    async create(ctx, records) {
      const outcomes: WriteOutcome[] = [];
      for (const part of chunks(records)) outcomes.push(...(await createChunk(ctx, part)));
      return outcomes;
    },

    async update(ctx, records) {
      const outcomes: WriteOutcome[] = [];
      for (const part of chunks(records)) outcomes.push(...(await updateChunk(ctx, part)));
      return outcomes;
    },

    async delete(ctx, ids) {
      const outcomes: WriteOutcome[] = [];
      for (const part of chunks(ids)) {
        // 204 whatever the ids, known or not: only a read afterwards proves a delete.
        const res = await ctx.http.request({ method: 'POST', url: `${base}/batch/archive`, json: { inputs: part.map((id) => ({ id })) }, signal: ctx.signal });
        if (res.ok) outcomes.push(...part.map((id) => ({ ok: true as const, id })));
        else if (res.error && ['validation', 'not_found'].includes(res.error.kind)) outcomes.push(...failedAll(part.length, res.error));
        else throw res.error;
      }
      return outcomes;
    },

    // HubSpot's API cannot un-archive (only its UI restores, within 90 days): re-create the
    // record from the snapshot. It gets a new id, which the outcome reports.
    async restore(ctx, _id, snapshot) {
      const fields = writableOf(snapshot);
      const [outcome] = await createChunk(ctx, [fields]);
      // A re-create sent again after its answer was lost (a rollback retries) meets its own first
      // attempt: HubSpot refuses the email as taken. The record holding it with exactly the
      // snapshot's values is that re-creation; anything else is a real conflict.
      const key = object.naturalKey ? snapshot[object.naturalKey.property] : undefined;
      if (!outcome!.ok && outcome!.error.kind === 'conflict' && typeof key === 'string' && key !== '') {
        const found = (await findByNaturalKey(ctx, object, [key], readProperties(ctx))).get(key);
        const same = found && Object.entries(toProperties(fields, 'create')).every(([name, value]) => normalise(name, value) === normalise(name, found[name]));
        if (found && same) return { ok: true, id: String(found.id), record: found };
      }
      return outcome!;
    },
  };
  if (!destination.findByNaturalKey) delete destination.findByNaturalKey;
  return destination;
}
