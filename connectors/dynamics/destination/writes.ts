/**
 * The writes of one Dataverse table as operations (send.ts sends them): `POST` (with
 * `return=representation` when alone: 201 and the row), `PATCH` with `If-Match: *` so an update
 * never creates a record someone deleted (404 instead), `DELETE` (204; 404 when already gone),
 * and restore as an upsert under the old id that may only create (`If-None-Match: *`).
 */
import { ConnectorError } from '../../../src/core/index.js';
import type { ConnectorContext, WriteOutcome } from '../../../src/registry/index.js';
import type { DataverseEntity } from '../entities.js';
import { entityPath, isGuid, queryString } from '../odata.js';
import type { BatchOperation } from './batch.js';
import { toWritable } from './fields.js';
import type { Action } from './outcomes.js';
import { run } from './send.js';

function notAnId(id: string): WriteOutcome {
  return { ok: false, error: new ConnectorError(`${id} is not a Dataverse record id (a GUID)`, { kind: 'not_found', status: 404, code: 'invalid_id' }) };
}

interface ById { id: string; op: (guid: string) => BatchOperation }

/** Runs the operations of the ids that are GUIDs; the others fail as not found without a call. */
async function byId(ctx: ConnectorContext, entity: DataverseEntity, action: Action, items: ById[]): Promise<WriteOutcome[]> {
  const valid = items.filter((item) => isGuid(item.id));
  const outcomes = valid.length > 0 ? await run(ctx, entity, action, valid.map((item) => item.op(item.id.toLowerCase())), valid.map((item) => item.id)) : [];
  let next = 0;
  return items.map((item) => (isGuid(item.id) ? outcomes[next++]! : notAnId(item.id)));
}

export function writesOf(entity: DataverseEntity) {
  const select = queryString({ $select: entity.columns.join(',') });
  return {
    create(ctx: ConnectorContext, records: Array<Record<string, unknown>>): Promise<WriteOutcome[]> {
      const alone = records.length === 1;
      const ops = records.map((r): BatchOperation => ({
        method: 'POST', url: entityPath(entity.set) + (alone ? select : ''), json: toWritable(entity, r, 'create'), headers: alone ? { Prefer: 'return=representation' } : undefined,
      }));
      return run(ctx, entity, 'create', ops, records.map(() => undefined));
    },
    update(ctx: ConnectorContext, records: Array<{ id: string; fields: Record<string, unknown> }>): Promise<WriteOutcome[]> {
      return byId(ctx, entity, 'update', records.map((r) => ({
        id: r.id, op: (guid) => ({ method: 'PATCH', url: entityPath(entity.set, guid), headers: { 'If-Match': '*' }, json: toWritable(entity, r.fields, 'update') }),
      })));
    },
    delete(ctx: ConnectorContext, ids: string[]): Promise<WriteOutcome[]> {
      return byId(ctx, entity, 'delete', ids.map((id) => ({ id, op: (guid) => ({ method: 'DELETE', url: entityPath(entity.set, guid) }) })));
    },
    /** Re-creates a deleted record under its old id: an upsert that may only create (`If-None-Match: *`). */
    async restore(ctx: ConnectorContext, id: string, snapshot: Record<string, unknown>): Promise<WriteOutcome> {
      const [outcome] = await byId(ctx, entity, 'update', [{
        id, op: (guid) => ({ method: 'PATCH', url: entityPath(entity.set, guid), headers: { 'If-None-Match': '*' }, json: toWritable(entity, snapshot, 'create') }),
      }]);
      return outcome!;
    },
  };
}
