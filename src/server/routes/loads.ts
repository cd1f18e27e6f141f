/**
 * Loads into a destination: plan (a dry run stops there and shows the diff), run (queued or
 * inline), progress and the verification report, rollback from the journal. The engine is the
 * LoadService; these routes check tenancy, gather the records and record the audit trail.
 */
import { z } from 'zod';
import { LoadError, LoadInputError, recordsFromCanonical, recordsFromFile, type JournalItem, type LoadRecord, type LoadRow, type LoadService } from '../../load/index.js';
import { iso, type Queryable } from '../db.js';
import { ApiError, conflict, invalid, notFound } from '../errors.js';
import { cursorSchema, cursorAt, limitSchema, pageOf, timeKeyset } from '../paging.js';
import type { ConnectionRow } from '../resolvers.js';
import { defineRoute, type AnyRouteSpec, type ApiServices, type RouteDeps } from '../route-spec.js';
import { idSchema, pageSchema, queryBoolean } from '../schemas/common.js';
import { createLoadBody, loadDetailSchema, loadReportSchema, loadSchema, plannedLoadSchema } from '../schemas/loads.js';

const wsParams = z.object({ workspaceId: idSchema });
const loadParams = z.object({ workspaceId: idSchema, loadId: idSchema });

function loadService(services: ApiServices): LoadService {
  if (!services.loads) throw new ApiError(503, 'unavailable', 'this server was started without the load engine');
  return services.loads;
}

export function toLoad(r: LoadRow) {
  const report = loadReportSchema.parse(r.report);
  return {
    id: r.id, connectionId: r.connectionId, object: r.object, status: r.status, dryRun: r.dryRun, options: r.options, report,
    progress: { toWrite: report.counts.create + report.counts.update + report.counts.delete, written: report.written, failed: report.failed, verified: report.verified },
    createdAt: iso(r.createdAt), finishedAt: iso(r.finishedAt),
  };
}

async function workspaceConnection(db: Queryable, workspaceId: string, id: string): Promise<ConnectionRow> {
  const { rows } = await db.query<ConnectionRow>(
    'select id, workspace_id, connector_id, name, auth_method, status, config from connections where id = $1 and workspace_id = $2', [id, workspaceId]);
  if (!rows[0]) throw notFound('connection');
  return rows[0];
}

type CreateBody = z.output<typeof createLoadBody>;

async function gatherRecords(deps: RouteDeps, workspaceId: string, destination: ConnectionRow, body: CreateBody): Promise<{ records: LoadRecord[]; source: string }> {
  if (body.records) return { records: body.records, source: 'records' };
  if (body.file) {
    try {
      return { records: recordsFromFile(body.file.content, body.file.format, body.file.op), source: `file:${body.file.format}` };
    } catch (error) {
      if (error instanceof LoadInputError) throw invalid('file.content', error.message);
      throw error;
    }
  }
  const from = body.canonical!;
  const source = await workspaceConnection(deps.pool, workspaceId, from.connectionId);
  const sourceObject = deps.registry.has(source.connector_id) ? deps.registry.get(source.connector_id).objects.find((o) => o.name === from.object) : undefined;
  if (!sourceObject) throw invalid('canonical.object', `the source connector does not declare "${from.object}"`);
  const target = deps.registry.has(destination.connector_id) ? deps.registry.get(destination.connector_id).objects.find((o) => o.name === body.object) : undefined;
  if (!target?.destinationMapping) throw invalid('object', `"${body.object}" has no canonical → vendor mapping, so canonical records cannot be loaded into it`);
  const records = await recordsFromCanonical(deps.pool, {
    workspaceId, connectionId: source.id, object: from.object, canonical: sourceObject.canonical, mapping: target.destinationMapping, op: from.op,
    limit: from.limit, where: from.filter,
  });
  return { records, source: `canonical:${source.id}/${from.object}` };
}

const createLoad = defineRoute({
  method: 'POST', url: '/api/v1/workspaces/:workspaceId/loads', operationId: 'createLoad', tag: 'loads', access: 'workspace_member',
  audit: 'load.create', status: 201,
  summary: 'Plan a load (match by natural key, snapshot, diff); with options.dryRun nothing is ever written',
  description: 'Records come from exactly one of: `records`, a `file` (JSON array or CSV with a header row), or `canonical` records of a source connection mapped with the destination object\'s canonical → vendor mapping. Run a planned load with POST …/loads/{loadId}/run.',
  params: wsParams, body: createLoadBody, response: plannedLoadSchema, errors: [409, 502, 503],
  async handler({ deps, services, scope, body, audit }) {
    const loads = loadService(services);
    const workspaceId = scope.workspace!.id;
    const destination = await workspaceConnection(services.pool, workspaceId, body.connectionId);
    if (destination.status === 'disabled') throw conflict('connection_disabled', 'the connection is disabled; enable it first');
    const { records, source } = await gatherRecords(deps, workspaceId, destination, body);
    if (records.length === 0) throw invalid('records', 'there are no records to load');
    let plan;
    try {
      plan = await loads.plan({ workspaceId, connectionId: destination.id, object: body.object, records, options: body.options });
    } catch (error) {
      if (error instanceof LoadError) throw new ApiError(400, 'invalid_load', error.message);
      throw error;
    }
    const stored = await loads.get(workspaceId, plan.loadId);
    await audit({ target: `load:${plan.loadId}`, diff: { connectionId: destination.id, object: body.object, source, records: records.length, dryRun: stored!.load.dryRun, counts: plan.report.counts } });
    return { load: toLoad(stored!.load), items: plan.items };
  },
});

const listLoads = defineRoute({
  method: 'GET', url: '/api/v1/workspaces/:workspaceId/loads', operationId: 'listLoads', tag: 'loads', access: 'workspace_member',
  summary: 'Loads, newest first, with their progress and report', params: wsParams,
  query: z.object({ connectionId: idSchema.optional(), status: z.string().max(40).optional(), limit: limitSchema, cursor: cursorSchema }),
  response: pageSchema(loadSchema),
  async handler({ deps, scope, query }) {
    const keyset = timeKeyset(query.cursor, 5);
    const { rows } = await deps.pool.query<LoadRow & { cursor_at: string }>(
      `select id, workspace_id as "workspaceId", connection_id as "connectionId", object, status, dry_run as "dryRun", options, report,
         created_at as "createdAt", finished_at as "finishedAt", ${cursorAt()}
       from loads where workspace_id = $1 and ($2::uuid is null or connection_id = $2) and ($3::text is null or status = $3) ${keyset.sql}
       order by created_at desc, id desc limit $4`,
      [scope.workspace!.id, query.connectionId ?? null, query.status ?? null, query.limit + 1, ...keyset.params]);
    return pageOf(rows, query.limit, toLoad, (r) => [r.cursor_at, r.id]);
  },
});

const toItem = (i: JournalItem) => ({ ...i });

const getLoad = defineRoute({
  method: 'GET', url: '/api/v1/workspaces/:workspaceId/loads/:loadId', operationId: 'getLoad', tag: 'loads', access: 'workspace_member',
  summary: 'One load: progress, the verification (and rollback) report, and its journal items (snapshot, diff, outcome per record)',
  params: loadParams,
  query: z.object({
    items: queryBoolean.optional().meta({ description: 'Include the journal items. @default true' }),
    itemsAfter: z.coerce.number().int().min(-1).default(-1).meta({ description: 'Items with a sequence above this. @default -1' }),
    itemsLimit: z.coerce.number().int().min(1).max(5000).default(500).meta({ description: '@default 500' }),
  }),
  response: loadDetailSchema,
  async handler({ services, scope, query }) {
    const found = await loadService(services).get(scope.workspace!.id, scope.load!.id);
    if (!found) throw notFound('load');
    if (query.items === false) return { load: toLoad(found.load), items: [], nextItemsAfter: null };
    const after = found.items.filter((i) => i.seq > query.itemsAfter);
    const items = after.slice(0, query.itemsLimit);
    return { load: toLoad(found.load), items: items.map(toItem), nextItemsAfter: after.length > items.length ? items[items.length - 1]!.seq : null };
  },
});

const runLoad = defineRoute({
  method: 'POST', url: '/api/v1/workspaces/:workspaceId/loads/:loadId/run', operationId: 'runLoad', tag: 'loads', access: 'workspace_member',
  audit: 'load.run', status: 202,
  summary: 'Write a planned load: snapshot, write, verify, roll back past the threshold; queued when the platform runs workers',
  params: loadParams, response: loadSchema, errors: [409, 503],
  async handler({ services, scope, audit }) {
    const loads = loadService(services);
    const found = await loads.get(scope.workspace!.id, scope.load!.id);
    if (!found) throw notFound('load');
    if (found.load.dryRun) throw conflict('dry_run', 'a dry run is never written; plan the load again without dryRun');
    if (found.load.status !== 'planned') throw conflict('not_planned', `the load is ${found.load.status}; only a planned load runs`);
    const destination = await workspaceConnection(services.pool, scope.workspace!.id, found.load.connectionId);
    if (destination.status === 'disabled') throw conflict('connection_disabled', 'the connection is disabled; enable it first');
    // Recorded before the writes start: an attempt that dies half way still has its entry.
    await audit({ target: `load:${found.load.id}`, diff: { connectionId: found.load.connectionId, object: found.load.object, counts: found.load.report.counts } });
    try {
      await loads.start(found.load.id);
    } catch (error) {
      if (error instanceof LoadError) throw conflict('load_state', error.message);
      throw error;
    }
    return toLoad((await loads.get(scope.workspace!.id, found.load.id))!.load);
  },
});

const rollbackLoad = defineRoute({
  method: 'POST', url: '/api/v1/workspaces/:workspaceId/loads/:loadId/rollback', operationId: 'rollbackLoad', tag: 'loads', access: 'workspace_member',
  audit: 'load.rollback',
  summary: 'Undo a load from its journal and report, per record, what could not be restored',
  params: loadParams,
  body: z.strictObject({
    force: z.boolean().default(false).meta({ description: 'Roll back a load that still shows as running (its worker crashed). @default false' }),
  }).prefault({}),
  response: z.object({ load: loadSchema, report: loadReportSchema }), errors: [409, 503],
  async handler({ services, scope, body, audit }) {
    const loads = loadService(services);
    const found = await loads.get(scope.workspace!.id, scope.load!.id);
    if (!found) throw notFound('load');
    if (found.load.dryRun || found.load.status === 'planned') throw conflict('nothing_written', 'nothing of this load was written, so there is nothing to roll back');
    if (!body.force && (found.load.status === 'running' || found.load.status === 'verifying')) {
      throw conflict('load_running', 'the load is still running; wait for it, or pass force: true if its worker crashed');
    }
    let report;
    try {
      report = await loads.rollback(found.load.id, scope.workspace!.id);
    } catch (error) {
      if (error instanceof LoadError) throw conflict('load_state', error.message);
      throw error;
    }
    await audit({ target: `load:${found.load.id}`, diff: { status: report.status, rollback: report.rollback ? { restored: report.rollback.restored, recreated: report.rollback.recreated, unrecoverable: report.rollback.unrecoverable, failed: report.rollback.failed } : null } });
    return { load: toLoad((await loads.get(scope.workspace!.id, found.load.id))!.load), report };
  },
});

export const loadRoutes: AnyRouteSpec[] = [createLoad, listLoads, getLoad, runLoad, rollbackLoad];
