/**
 * Upserts with sObject Collections, `PATCH /composite/sobjects/{type}/{externalIdField}` with
 * `{ allOrNone, records }` (API 46.0+, up to 200 records of the type in the URI, each with
 * `attributes.type` and its External ID value, never an Id). Answers 200 with one UpsertResult
 * `{ id, success, errors, created }` per record, in input order; `allOrNone: true` rolls every
 * record back when one is refused. jsforce sends `sobject(type).upsert([...], field)` this way.
 * developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_upsert.htm
 */
import { parseRecords, result, ROLLED_BACK } from './collection-input.js';
import { sfError, type RecordProblem } from './errors.js';
import { typeParam } from './input.js';
import type { SfServer } from './principal.js';
import type { SalesforceStore, SfEntry } from './store.js';
import { problemsIn } from './validate.js';

interface Planned { values: Record<string, unknown>; match?: SfEntry; problems: RecordProblem[] }

export function registerCollectionUpsert(server: SfServer, store: SalesforceStore): void {
  server.route('PATCH', '/services/data/:version/composite/sobjects/:type/:field', (req) => {
    const type = typeParam(req);
    const spec = store.field(type, req.params.field ?? '');
    if (!spec?.externalId) throw sfError(400, 'INVALID_FIELD', `Field name provided, ${req.params.field ?? ''} is not an External ID or indexed field for ${type}`);
    const { allOrNone, records } = parseRecords(req);
    if (records.some((r) => r.type !== type)) throw sfError(400, 'INVALID_TYPE', `The records must all be of type ${type}, the type in the URI`);
    const keyOf = (values: Record<string, unknown>) => String(values[spec.name] ?? '').toLowerCase();
    const seen = new Map<string, number>();
    for (const r of records) if (keyOf(r.values)) seen.set(keyOf(r.values), (seen.get(keyOf(r.values)) ?? 0) + 1);

    const plans: Planned[] = records.map((r) => {
      const key = keyOf(r.values);
      if (r.id) return { values: r.values, problems: [{ statusCode: 'INVALID_FIELD', message: 'cannot specify Id in an upsert call; use the External ID field', fields: ['Id'] }] };
      if (!key) return { values: r.values, problems: [{ statusCode: 'MISSING_ARGUMENT', message: `${spec.name} not specified`, fields: [spec.name] }] };
      if (seen.get(key)! > 1) return { values: r.values, problems: [{ statusCode: 'DUPLICATE_VALUE', message: `Duplicate external id specified: ${String(r.values[spec.name])}`, fields: [spec.name] }] };
      const matches = store.collections[type].list({ filter: (e) => String(e.data[spec.name] ?? '').toLowerCase() === key });
      if (matches.length > 1) {
        return { values: r.values, problems: [{ statusCode: 'DUPLICATE_EXTERNAL_ID', message: `${spec.label}: more than one record found for external id field: [${matches.map((m) => m.id).join(', ')}]`, fields: [spec.name] }] };
      }
      const match = matches[0];
      return { values: r.values, match, problems: problemsIn(type, r.values, match ? 'update' : 'create', store.resolve) };
    });

    if (allOrNone && plans.some((p) => p.problems.length > 0)) {
      return { status: 200, body: plans.map((p) => result(p.match?.id, p.problems.length > 0 ? p.problems : [ROLLED_BACK])) };
    }
    return {
      status: 200,
      body: plans.map((p) => {
        if (p.problems.length > 0) return result(p.match?.id, p.problems);
        const written = p.match ? store.update(type, p.match.id, p.values) : store.create(type, p.values);
        return written.ok ? { ...result(written.entry.id, []), created: !p.match } : result(p.match?.id, written.problems);
      }),
    };
  });
}
