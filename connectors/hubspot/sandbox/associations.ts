/**
 * `POST /crm/v4/associations/{fromObjectType}/{toObjectType}/batch/read`: the associated ids of
 * up to 100 records (v4 associations guide). A record with none is reported in `errors` with
 * HubSpot's NO_ASSOCIATIONS_FOUND, and the answer is then a 207. Only notes hold associations
 * in this sandbox; the CRM v3 search answers carry none, which is why clients need this call.
 */
import { badRequest, batchError } from './errors.js';
import { batchAnswer, batchInputs, type RouteContext } from './input.js';
import { NOTE_ASSOCIATION_TYPES, specFor } from './objects.js';

export function registerAssociationRoutes(ctx: RouteContext): void {
  ctx.server.route('POST', '/crm/v4/associations/:fromObjectType/:toObjectType/batch/read', (req) => {
    const from = specFor(req.params.fromObjectType ?? '');
    const to = req.params.toObjectType;
    if (!from || (to !== 'contacts' && to !== 'companies' && to !== 'notes')) {
      throw badRequest(`Unable to infer object type from: ${!from ? req.params.fromObjectType : to}`);
    }
    const results: unknown[] = [];
    const errors: unknown[] = [];
    for (const input of batchInputs(req)) {
      const id = String(input.id ?? '');
      const entry = ctx.store.live(from.type, id);
      const ids = entry && from.type === 'notes' && to !== 'notes' ? entry.data.associations[to] ?? [] : [];
      if (ids.length === 0) {
        errors.push(batchError('OBJECT_NOT_FOUND', `No ${to.replace(/s$/, '').replace(/ie$/, 'y')} is associated with ${from.type.replace(/s$/, '')} ${id}.`, { fromObjectId: [id] }));
        continue;
      }
      const type = NOTE_ASSOCIATION_TYPES[to as 'contacts' | 'companies'];
      results.push({ from: { id }, to: ids.map((toId) => ({ toObjectId: Number(toId), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: type.typeId, label: null }] })) });
    }
    return batchAnswer(ctx.store.clock.now(), results, errors, 200);
  });
}
