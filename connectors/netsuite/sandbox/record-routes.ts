/**
 * The record service (docs.oracle.com … "Working with Records"): POST creates and answers 204
 * with the new record's URL in `Location` (section_1545141395); GET reads one; PATCH updates
 * (204); DELETE removes (204); PUT on `eid:{externalId}` upserts (section_156335203191). Ids are
 * internal ids or `eid:` external ids. There is no batch: one record a request.
 */
import type { SandboxRequest, SandboxResponse, SandboxServer } from '../../../src/sandbox/index.js';
import { governed, type ConcurrencyGate } from './concurrency.js';
import { fail, invalidPath, notFound, nsError } from './errors.js';
import { RECORD_PATH, originOf, renderRecord } from './render.js';
import { recordTypeOf, type RecordType } from './schema.js';
import type { NetsuiteStore, Written } from './store.js';
import type { Principal } from './tba.js';
import { collectionPage } from './paging.js';

function typeOf(req: SandboxRequest): RecordType {
  return recordTypeOf(req.params.type ?? '') ?? fail(invalidPath(req.path));
}

/** The JSON body; clients that send none of the content-type (netsuite-rest) are read as JSON too. */
function jsonBody(req: SandboxRequest): unknown {
  if (req.body !== undefined) return req.body;
  const text = req.rawBody.toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail(nsError(400, [{ detail: `Invalid content in the request body: ${(error as Error).message}`, 'o:errorCode': 'INVALID_CONTENT' }]));
  }
}

function written(result: Written, origin: string, type: RecordType): SandboxResponse {
  if (!result.ok) return nsError(400, result.details);
  const headers: Record<string, string> = result.created ? { location: `${origin}${RECORD_PATH}/${type}/${result.entry.id}` } : {};
  return { status: 204, headers };
}

export function registerRecordRoutes(server: SandboxServer<Principal>, gate: ConcurrencyGate, store: NetsuiteStore): void {
  const idOf = (type: RecordType, raw: string) => (raw.startsWith('eid:') ? store.byExternalId(type, raw.slice(4))?.id : /^\d+$/.test(raw) ? raw : undefined);

  governed(server, gate, 'GET', `${RECORD_PATH}/:type`, (req) => {
    const type = typeOf(req);
    return collectionPage(req, store.liveIds(type), (id) => ({ links: [{ rel: 'self', href: `${originOf(req)}${RECORD_PATH}/${type}/${id}` }], id }));
  });

  governed(server, gate, 'POST', `${RECORD_PATH}/:type`, (req) => {
    const type = typeOf(req);
    return written(store.create(type, jsonBody(req)), originOf(req), type);
  });

  governed(server, gate, 'GET', `${RECORD_PATH}/:type/:id`, (req) => {
    const type = typeOf(req);
    const id = idOf(type, req.params.id ?? '');
    const entry = id === undefined ? undefined : store.get(type, id);
    return entry ? { status: 200, body: renderRecord(store, originOf(req), type, entry) } : notFound();
  });

  governed(server, gate, 'PATCH', `${RECORD_PATH}/:type/:id`, (req) => {
    const type = typeOf(req);
    const id = idOf(type, req.params.id ?? '');
    const result = id === undefined ? undefined : store.update(type, id, jsonBody(req));
    return result ? written(result, originOf(req), type) : notFound();
  });

  governed(server, gate, 'PUT', `${RECORD_PATH}/:type/:id`, (req) => {
    const type = typeOf(req);
    const raw = req.params.id ?? '';
    if (!raw.startsWith('eid:') || raw.length === 4) {
      return nsError(400, [{ detail: 'The upsert operation requires an external ID in the request URL (eid:{externalId}).', 'o:errorCode': 'INVALID_CONTENT' }]);
    }
    const externalId = raw.slice(4);
    const existing = store.byExternalId(type, externalId);
    const body = { ...(jsonBody(req) as Record<string, unknown>), externalId };
    return written(existing ? store.update(type, existing.id, body)! : store.create(type, body), originOf(req), type);
  });

  governed(server, gate, 'DELETE', `${RECORD_PATH}/:type/:id`, (req) => {
    const type = typeOf(req);
    const id = idOf(type, req.params.id ?? '');
    if (id === undefined || !store.get(type, id)) return notFound();
    // A vendor that lies: success without deleting, which only a read afterwards can catch.
    if (server.faults.consume('fake_delete', req)) return { status: 204 };
    store.remove(type, id);
    return { status: 204 };
  });
}
