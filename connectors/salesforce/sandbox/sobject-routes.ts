/**
 * sObject Rows: `POST /sobjects/{type}` (201 `{ id, success, errors }`), `GET|PATCH|DELETE
 * /sobjects/{type}/{id}` (a record in the Recycle Bin answers 404 ENTITY_IS_DELETED), and
 * sObject Rows by External ID: `GET|PATCH /sobjects/{type}/{field}/{value}`. The PATCH is an
 * upsert: 201 created, 200 updated (`created: false`, API 46.0+), 300 with the matching records'
 * URLs when the value is not unique. A delete honours the `fake_delete` fault.
 */
import { SandboxHttpError, type SandboxRequest } from '../../../src/sandbox/index.js';
import { entityDeleted, notFound } from './errors.js';
import { fieldsParam, problemsBody, typeParam, version } from './input.js';
import type { SfServer } from './principal.js';
import type { SfEntry, SalesforceStore } from './store.js';
import { readInput } from './validate.js';

export function registerSObjectRoutes(server: SfServer, store: SalesforceStore): void {
  const base = '/services/data/:version/sobjects/:type';
  const live = (req: SandboxRequest): SfEntry => {
    const found = store.find(req.params.id ?? '');
    if (!found || found.type !== typeParam(req)) throw notFound();
    if (found.entry.archived) throw entityDeleted();
    return found.entry;
  };

  server.route('POST', base, (req) => {
    const type = typeParam(req);
    const result = store.create(type, readInput(type, req.body));
    if (!result.ok) throw new SandboxHttpError(400, problemsBody(result.problems));
    return { status: 201, body: { id: result.entry.id, success: true, errors: [] } };
  });

  server.route('GET', `${base}/:id`, (req) => {
    const type = typeParam(req);
    return { status: 200, body: store.render(type, live(req), fieldsParam(type, req.query.fields, store.allFields(type)), version(req)) };
  });

  server.route('PATCH', `${base}/:id`, (req) => {
    const type = typeParam(req);
    const result = store.update(type, live(req).id, readInput(type, req.body));
    if (!result.ok) throw new SandboxHttpError(400, problemsBody(result.problems));
    return { status: 204 };
  });

  server.route('DELETE', `${base}/:id`, (req) => {
    const type = typeParam(req);
    const entry = live(req);
    if (!server.faults.consume('fake_delete', req)) store.delete(type, entry.id);
    return { status: 204 };
  });

  const byExternalId = (req: SandboxRequest) => {
    const type = typeParam(req);
    const spec = store.field(type, req.params.field ?? '');
    // Salesforce's answer for a field that is not an External ID, as its upsert guide shows it.
    if (!spec?.externalId) throw new SandboxHttpError(404, { message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' });
    const wanted = (req.params.value ?? '').toLowerCase();
    const matches = store.collections[type].list({ filter: (e) => String(e.data[spec.name] ?? '').toLowerCase() === wanted });
    if (matches.length > 1) throw new SandboxHttpError(300, matches.map((e) => `/services/data/${version(req)}/sobjects/${type}/${e.id}`));
    return { type, spec, match: matches[0] };
  };

  server.route('GET', `${base}/:field/:value`, (req) => {
    const { type, match } = byExternalId(req);
    if (!match) throw notFound();
    return { status: 200, body: store.render(type, match, store.allFields(type), version(req)) };
  });

  server.route('PATCH', `${base}/:field/:value`, (req) => {
    const { type, spec, match } = byExternalId(req);
    const values = { ...readInput(type, req.body), [spec.name]: req.params.value };
    if (!match && req.query.updateOnly === 'true') throw notFound();
    const result = match ? store.update(type, match.id, values) : store.create(type, values);
    if (!result.ok) throw new SandboxHttpError(400, problemsBody(result.problems));
    return { status: match ? 200 : 201, body: { id: result.entry.id, success: true, errors: [], created: !match } };
  });
}
