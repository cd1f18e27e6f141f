/**
 * sObject Collections: `POST|PATCH /composite/sobjects` with `{ allOrNone, records }` (each
 * record carries `attributes.type`; updates carry `id`), `DELETE /composite/sobjects?ids=…`, and
 * `GET /composite/sobjects/{type}?ids=…&fields=…` or the same read as `POST` with `{ ids, fields }`
 * in the body (the form jsforce uses; developer.salesforce.com/docs/atlas.en-us.api_rest.meta/
 * api_rest/resources_composite_sobjects_collections_retrieve_post.htm). At most 200 records a
 * write. Answers are 200 with one `{ id, success, errors: [{ statusCode, message, fields }] }` per
 * record, in input order; with `allOrNone: true` (in the body, or `?allOrNone=true` on a DELETE:
 * …/resources_composite_sobjects_collections_delete.htm) one refusal rolls the others back. A
 * body Salesforce cannot read (unknown field, wrong JSON type) fails the whole call. Reads answer
 * `null` for ids that are unknown, malformed or in the Recycle Bin. Upserts by External ID live
 * in collection-upsert.ts.
 */
import type { SandboxRequest } from '../../../src/sandbox/index.js';
import { COLLECTION_LIMIT, parseRecords, result, ROLLED_BACK, type Parsed } from './collection-input.js';
import { registerCollectionUpsert } from './collection-upsert.js';
import { sfError, type RecordProblem } from './errors.js';
import { to18 } from './ids.js';
import { fieldsParam, typeParam, version } from './input.js';
import type { SfServer } from './principal.js';
import type { SalesforceStore } from './store.js';
import { problemsIn } from './validate.js';

/** The POST read takes up to 2,000 ids (the GET is bounded by the URL's length). */
export const RETRIEVE_LIMIT = 2000;

export function registerCollectionRoutes(server: SfServer, store: SalesforceStore): void {
  const path = '/services/data/:version/composite/sobjects';

  server.route('POST', path, (req) => {
    const { allOrNone, records } = parseRecords(req);
    const checks = records.map((r) => (r.id ? [{ statusCode: 'INVALID_FIELD', message: 'cannot specify Id in an insert call', fields: ['Id'] }] : problemsIn(r.type, r.values, 'create', store.resolve)));
    if (allOrNone && checks.some((c) => c.length > 0)) return { status: 200, body: checks.map((c) => result(undefined, c.length > 0 ? c : [ROLLED_BACK])) };
    return {
      status: 200,
      body: records.map((r, i) => {
        if (checks[i]!.length > 0) return result(undefined, checks[i]!);
        const created = store.create(r.type, r.values);
        return created.ok ? result(created.entry.id, []) : result(undefined, created.problems);
      }),
    };
  });

  server.route('PATCH', path, (req) => {
    const { allOrNone, records } = parseRecords(req);
    const ids = records.map((r) => (r.id ? to18(r.id) ?? r.id : undefined));
    const check = (r: Parsed, id: string | undefined): RecordProblem[] => {
      if (!id) return [{ statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] }];
      const state = store.resolve(id);
      if (state === 'deleted') return [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }];
      if (!state || store.typeOf(id) !== r.type) return [{ statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] }];
      return problemsIn(r.type, r.values, 'update', store.resolve);
    };
    const checks = records.map((r, i) => check(r, ids[i]));
    if (allOrNone && checks.some((c) => c.length > 0)) return { status: 200, body: checks.map((c, i) => result(ids[i], c.length > 0 ? c : [ROLLED_BACK])) };
    return {
      status: 200,
      body: records.map((r, i) => {
        if (checks[i]!.length > 0) return result(ids[i], checks[i]!);
        const updated = store.update(r.type, ids[i]!, r.values);
        return result(ids[i], updated.ok ? [] : updated.problems);
      }),
    };
  });

  server.route('DELETE', path, (req) => {
    const ids = (req.query.ids ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (ids.length === 0) throw sfError(400, 'MISSING_ARGUMENT', 'ids parameter is required');
    if (ids.length > COLLECTION_LIMIT) throw sfError(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${COLLECTION_LIMIT} records into this call`);
    const targets = ids.map((raw) => {
      const id = to18(raw);
      if (!id) return { id: raw, problems: [{ statusCode: 'MALFORMED_ID', message: `malformed id ${raw}`, fields: [] }] };
      const found = store.find(id);
      if (!found) return { id, problems: [{ statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] }] };
      if (found.entry.archived) return { id: found.entry.id, found: true, problems: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }] };
      return { id: found.entry.id, found: true, type: found.type, problems: [] as RecordProblem[] };
    });
    if (req.query.allOrNone === 'true' && targets.some((t) => t.problems.length > 0)) {
      return { status: 200, body: targets.map((t) => result(t.id, t.problems.length > 0 ? t.problems : [ROLLED_BACK])) };
    }
    // A vendor that lies: success for every id, nothing deleted; only a read afterwards tells.
    const pretend = server.faults.consume('fake_delete', req);
    return {
      status: 200,
      body: targets.map((t) => {
        if (pretend && t.found) return result(t.id, []);
        if (!t.type || t.problems.length > 0) return result(t.id, t.problems);
        const problem = store.delete(t.type, t.id);
        return result(t.id, problem ? [problem] : []);
      }),
    };
  });

  const retrieve = (req: SandboxRequest, rawIds: string[], rawFields: string) => {
    const type = typeParam(req);
    const fields = fieldsParam(type, rawFields, store.allFields(type));
    return {
      status: 200,
      body: rawIds.map((raw) => {
        const found = store.find(raw.trim());
        return found && found.type === type && !found.entry.archived ? store.render(type, found.entry, fields, version(req)) : null;
      }),
    };
  };

  server.route('GET', `${path}/:type`, (req) => {
    if (!req.query.ids || !req.query.fields) throw sfError(400, 'MISSING_ARGUMENT', 'ids and fields are required');
    return retrieve(req, req.query.ids.split(','), req.query.fields);
  });

  server.route('POST', `${path}/:type`, (req) => {
    const body = (req.body ?? {}) as { ids?: unknown; fields?: unknown };
    const strings = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');
    if (!strings(body.ids) || !strings(body.fields)) throw sfError(400, 'MISSING_ARGUMENT', 'ids and fields are required');
    const ids = body.ids as string[];
    if (ids.length > RETRIEVE_LIMIT) throw sfError(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${RETRIEVE_LIMIT} records into this call`);
    return retrieve(req, ids, (body.fields as string[]).join(','));
  });

  registerCollectionUpsert(server, store);
}
