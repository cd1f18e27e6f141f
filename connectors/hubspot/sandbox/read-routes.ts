/**
 * Reads: `GET /crm/v3/objects/{type}` (paged by id, `archived=true` lists only archived
 * records), `GET /crm/v3/objects/{type}/{id}` (also `?idProperty=email` for contacts) and
 * `POST /crm/v3/objects/{type}/batch/read`, which answers 207 naming the ids it could not find.
 */
import { badRequest, hubspotError, notFoundInBatch } from './errors.js';
import { batchAnswer, batchInputs, objectSpec, record, stringList, type RouteContext } from './input.js';
import type { ObjectSpec } from './objects.js';
import { pageById } from './paging.js';
import { propertyNames, render } from './render.js';
import type { StoredEntry } from './store.js';

/** Which property identifies records: the id, or a unique-value property (only contacts' email here). */
function idPropertyOf(spec: ObjectSpec, value: unknown): 'hs_object_id' | 'email' {
  if (value === undefined || value === null || value === '' || value === 'hs_object_id') return 'hs_object_id';
  if (value === 'email' && spec.type === 'contacts') return 'email';
  throw badRequest(`${String(value)} is not a unique identifier property of ${spec.type}; use hs_object_id or a property with unique values`);
}

function lookup(ctx: RouteContext, spec: ObjectSpec, idProperty: 'hs_object_id' | 'email', key: string, archived: boolean): StoredEntry | undefined {
  const entry = idProperty === 'email'
    ? ctx.store.collections.contacts.list({ includeArchived: archived, filter: (e) => e.archived === archived && e.data.properties.email === key.trim().toLowerCase() })[0]
    : ctx.store.collections[spec.type].get(key);
  return entry && entry.archived === archived ? entry : undefined;
}

export function registerReadRoutes(ctx: RouteContext): void {
  const { server, store } = ctx;

  server.route('GET', '/crm/v3/objects/:objectType', (req) => {
    const spec = objectSpec(req);
    const archived = req.query.archived === 'true';
    const entries = store.collections[spec.type].list({ includeArchived: archived, filter: archived ? (e) => e.archived : undefined });
    const { page, paging } = pageById(entries, req);
    const options = { properties: propertyNames(req.searchParams.getAll('properties')), associations: propertyNames(req.searchParams.getAll('associations')) };
    return { status: 200, body: { results: page.map((e) => render(spec.type, e, options)), ...(paging ? { paging } : {}) } };
  });

  server.route('GET', '/crm/v3/objects/:objectType/:objectId', (req) => {
    const spec = objectSpec(req);
    const entry = lookup(ctx, spec, idPropertyOf(spec, req.query.idProperty), req.params.objectId ?? '', req.query.archived === 'true');
    if (!entry) throw hubspotError(404, 'OBJECT_NOT_FOUND', 'resource not found');
    const options = { properties: propertyNames(req.searchParams.getAll('properties')), associations: propertyNames(req.searchParams.getAll('associations')) };
    return { status: 200, body: render(spec.type, entry, options) };
  });

  server.route('POST', '/crm/v3/objects/:objectType/batch/read', (req) => {
    const spec = objectSpec(req);
    const body = record(req.body);
    const inputs = batchInputs(req);
    const idProperty = idPropertyOf(spec, body.idProperty);
    const archived = req.query.archived === 'true';
    const properties = stringList(body.properties);
    const results: unknown[] = [];
    const seen = new Set<string>();
    const missing: string[] = [];
    for (const input of inputs) {
      const key = String(input.id ?? '');
      const entry = lookup(ctx, spec, idProperty, key, archived);
      if (!entry) missing.push(key);
      else if (!seen.has(entry.id)) {
        seen.add(entry.id);
        results.push(render(spec.type, entry, { properties }));
      }
    }
    const errors = missing.length > 0 ? [notFoundInBatch(spec.upper, missing)] : [];
    return batchAnswer(store.clock.now(), results, errors, 200);
  });
}
