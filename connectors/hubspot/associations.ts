/**
 * The associated ids of notes. The list endpoint returns them (`associations=contacts,companies`)
 * but search answers never do, so incremental reads fetch them from the v4 associations batch
 * read and attach them in the list endpoint's shape; the mapping then reads one shape.
 */
import { unwrap } from '../../src/core/index.js';
import type { ConnectorContext } from '../../src/registry/index.js';
import { BATCH_LIMIT, type HubspotObject } from './objects.js';
import { associationsResponseSchema, type HubspotRecord } from './schemas.js';

const SINGULAR = { contacts: 'contact', companies: 'company' } as const;

async function associatedIds(ctx: ConnectorContext, from: HubspotObject, to: 'contacts' | 'companies', ids: string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += BATCH_LIMIT) {
    const inputs = ids.slice(i, i + BATCH_LIMIT).map((id) => ({ id }));
    // 207 names the records without any association: nothing to attach for those.
    const body = unwrap(await ctx.http.request({
      method: 'POST', url: `/crm/v4/associations/${from.name}/${to}/batch/read`, json: { inputs }, schema: associationsResponseSchema, signal: ctx.signal, replayable: true,
    }));
    for (const result of body.results) found.set(result.from.id, result.to.map((t) => t.toObjectId));
  }
  return found;
}

export async function withAssociations(ctx: ConnectorContext, object: HubspotObject, records: HubspotRecord[]): Promise<HubspotRecord[]> {
  if (object.associations.length === 0 || records.length === 0) return records;
  const ids = records.map((r) => r.id);
  const byType = await Promise.all(object.associations.map(async (to) => [to, await associatedIds(ctx, object, to, ids)] as const));
  return records.map((record) => {
    const associations: NonNullable<HubspotRecord['associations']> = { ...record.associations };
    for (const [to, found] of byType) {
      const linked = found.get(record.id) ?? [];
      if (linked.length > 0) associations[to] = { results: linked.map((id) => ({ id, type: `${object.singular}_to_${SINGULAR[to]}` })) };
    }
    return Object.keys(associations).length > 0 ? { ...record, associations } : record;
  });
}
