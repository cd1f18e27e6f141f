/**
 * Finding existing records by natural key. Contacts: batch read with `idProperty: email`, since
 * email is a unique-value property (HubSpot compares it case-blind and stores it lower-cased).
 * Companies: `domain` is not unique through the API, so it is a search with `domain IN [...]`;
 * when several companies share a domain the oldest wins, as HubSpot's own de-duplication would.
 */
import { unwrap } from '../../src/core/index.js';
import type { ConnectorContext } from '../../src/registry/index.js';
import { BATCH_LIMIT, SEARCH_PAGE_LIMIT, type HubspotObject } from './objects.js';
import { paceSearch } from './pacing.js';
import { flatten } from './properties.js';
import { batchResponseSchema, searchResponseSchema, type HubspotRecord } from './schemas.js';

const key = (value: unknown) => String(value ?? '').trim().toLowerCase();

async function byEmail(ctx: ConnectorContext, object: HubspotObject, values: string[], properties: string[]): Promise<HubspotRecord[]> {
  const body = unwrap(await ctx.http.request({
    method: 'POST', url: `/crm/v3/objects/${object.name}/batch/read`, schema: batchResponseSchema, signal: ctx.signal, replayable: true,
    json: { idProperty: 'email', inputs: values.map((id) => ({ id })), properties, propertiesWithHistory: [] },
  }));
  return body.results;
}

async function byDomain(ctx: ConnectorContext, object: HubspotObject, values: string[], properties: string[]): Promise<HubspotRecord[]> {
  const found: HubspotRecord[] = [];
  let after: string | undefined;
  // Offset paging is fine here: a lookup of at most 100 domains, read once, in creation order.
  do {
    await paceSearch(ctx);
    const body = unwrap(await ctx.http.request({
      method: 'POST', url: `/crm/v3/objects/${object.name}/search`, schema: searchResponseSchema, signal: ctx.signal, replayable: true,
      json: {
        filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'IN', values: values.map(key) }] }],
        sorts: [{ propertyName: 'createdate', direction: 'ASCENDING' }], properties, limit: SEARCH_PAGE_LIMIT, ...(after ? { after } : {}),
      },
    }));
    found.push(...body.results);
    after = body.paging?.next?.after;
  } while (after);
  return found;
}

export async function findByNaturalKey(ctx: ConnectorContext, object: HubspotObject, values: string[], properties: string[]): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  const keyProperty = object.naturalKey?.property;
  if (!keyProperty) return found;
  const lookup = object.naturalKey?.via === 'idProperty' ? byEmail : byDomain;
  const wanted = [...new Set(values.filter((v) => key(v) !== ''))];
  for (let i = 0; i < wanted.length; i += BATCH_LIMIT) {
    const part = wanted.slice(i, i + BATCH_LIMIT);
    const records = await lookup(ctx, object, part, [...new Set([...properties, keyProperty])]);
    for (const value of part) {
      const match = records.find((r) => key(r.properties[keyProperty]) === key(value));
      if (match) found.set(value, flatten(match));
    }
  }
  return found;
}
