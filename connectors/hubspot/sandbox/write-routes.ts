/**
 * Write routes: batch create/update (batch-writes.ts), batch archive, and the single-record
 * create, update and archive the SDK's basic API uses. Archive answers 204 whatever the ids,
 * unless a `fake_delete` fault makes it lie (only a read afterwards shows the truth).
 */
import { batchCreate, batchUpdate } from './batch-writes.js';
import { batchInputs, objectSpec, record, type RouteContext } from './input.js';
import { render } from './render.js';
import { associationsOf, refuse, shown } from './write-rules.js';

export function registerWriteRoutes(ctx: RouteContext): void {
  const { server, store } = ctx;
  server.route('POST', '/crm/v3/objects/:objectType/batch/create', (req) => batchCreate(ctx, req));
  server.route('POST', '/crm/v3/objects/:objectType/batch/update', (req) => batchUpdate(ctx, req));

  server.route('POST', '/crm/v3/objects/:objectType/batch/archive', (req) => {
    const spec = objectSpec(req);
    const inputs = batchInputs(req);
    if (!server.faults.consume('fake_delete', req)) for (const input of inputs) store.archive(spec.type, String(input.id ?? ''));
    return { status: 204 };
  });

  server.route('POST', '/crm/v3/objects/:objectType', (req) => {
    const spec = objectSpec(req);
    const input = record(req.body);
    const result = store.create(spec.type, record(input.properties), { associations: associationsOf(input) });
    if (!result.ok) refuse(result);
    return { status: 201, body: render(spec.type, result.entry, { properties: shown(spec, input) }) };
  });

  server.route('PATCH', '/crm/v3/objects/:objectType/:objectId', (req) => {
    const spec = objectSpec(req);
    const input = record(req.body);
    const result = store.update(spec.type, req.params.objectId ?? '', record(input.properties));
    if (!result.ok) refuse(result);
    return { status: 200, body: render(spec.type, result.entry, { properties: shown(spec, input) }) };
  });

  server.route('DELETE', '/crm/v3/objects/:objectType/:objectId', (req) => {
    const spec = objectSpec(req);
    if (!server.faults.consume('fake_delete', req)) store.archive(spec.type, req.params.objectId ?? '');
    return { status: 204 };
  });
}
