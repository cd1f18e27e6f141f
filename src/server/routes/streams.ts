/**
 * Streams of a connection (one per source object): the schedule, the field mapping override,
 * and a preview that maps the latest stored vendor records with a proposed mapping.
 */
import { z } from 'zod';
import { mappingSchema, type Mapping } from '../../canonical/index.js';
import { scrubGeneric } from '../../core/index.js';
import { nextRun } from '../../orchestration/index.js';
import type { ObjectDefinition } from '../../registry/index.js';
import { CANONICAL_TABLES, preparePage } from '../../stream/index.js';
import { iso, withTransaction } from '../db.js';
import { conflict, invalid } from '../errors.js';
import type { ConnectionRow, StreamRow } from '../resolvers.js';
import { defineRoute, type AnyRouteSpec, type RouteDeps } from '../route-spec.js';
import { idSchema } from '../schemas/common.js';
import { mappingBody, previewBody, previewSchema, scheduleBody, streamMappingSchema, streamSchema } from '../schemas/connections.js';
import { connectionParams } from './connections.js';

export const streamParams = z.object({ workspaceId: idSchema, connectionId: idSchema, object: z.string().min(1).max(100) });
const STREAM_COLUMNS = 'id, workspace_id, connection_id, object, enabled, cron, cursor, mapping, full_sync_run_id, next_run_at, last_full_sync_at, lease_until, created_at';

/** The connector's declaration of a stream's object; 409 when the connector no longer declares it. */
export function objectOf(deps: RouteDeps, connection: ConnectionRow, object: string): ObjectDefinition {
  const definition = deps.registry.has(connection.connector_id) ? deps.registry.get(connection.connector_id) : undefined;
  const found = definition?.objects.find((o) => o.name === object);
  if (!found) throw conflict('unknown_object', `the connector ${connection.connector_id} does not declare the object "${object}" (any more)`);
  return found;
}

export function effectiveMapping(stream: StreamRow, object: ObjectDefinition): Mapping {
  return stream.mapping ? mappingSchema.parse(stream.mapping) : object.mapping;
}

function toStream(deps: RouteDeps, connection: ConnectionRow, r: StreamRow) {
  const definition = deps.registry.has(connection.connector_id) ? deps.registry.get(connection.connector_id) : undefined;
  return {
    id: r.id, connectionId: r.connection_id, object: r.object, canonical: definition?.objects.find((o) => o.name === r.object)?.canonical ?? null,
    enabled: r.enabled, cron: r.cron, nextRunAt: iso(r.next_run_at), lastFullSyncAt: iso(r.last_full_sync_at),
    running: r.lease_until !== null && new Date(r.lease_until).getTime() > Date.now(), mappingOverridden: r.mapping !== null && r.mapping !== undefined,
  };
}

const listStreams = defineRoute({
  method: 'GET', url: '/api/v1/workspaces/:workspaceId/connections/:connectionId/streams', operationId: 'listStreams', tag: 'streams', access: 'workspace_member',
  summary: 'The streams of a connection with their schedules', params: connectionParams,
  response: z.object({ items: z.array(streamSchema) }),
  async handler({ deps, scope }) {
    const { rows } = await deps.pool.query<StreamRow>(`select ${STREAM_COLUMNS} from streams where connection_id = $1 and workspace_id = $2 order by object`,
      [scope.connection!.id, scope.workspace!.id]);
    return { items: rows.map((r) => toStream(deps, scope.connection!, r)) };
  },
});

const updateSchedule = defineRoute({
  method: 'PATCH', url: '/api/v1/workspaces/:workspaceId/connections/:connectionId/streams/:object', operationId: 'updateStreamSchedule', tag: 'streams',
  access: 'workspace_member', audit: 'stream.schedule.update',
  summary: 'Change a stream\'s cron or pause it', params: streamParams, body: scheduleBody, response: streamSchema,
  async handler({ deps, services, scope, body, audit }) {
    const stream = scope.stream!;
    const cron = body.cron ?? stream.cron;
    let next: Date;
    try { next = nextRun(cron); } catch (error) { throw invalid('cron', `not a valid cron expression: ${(error as Error).message}`); }
    return withTransaction(services.pool, async (client) => {
      const { rows } = await client.query<StreamRow>(
        `update streams set cron = $2, enabled = $3, next_run_at = $4 where id = $1 returning ${STREAM_COLUMNS}`,
        [stream.id, cron, body.enabled ?? stream.enabled, next]);
      await audit({
        target: `stream:${stream.id}`,
        diff: { object: stream.object, cron: { from: stream.cron, to: cron }, enabled: { from: stream.enabled, to: body.enabled ?? stream.enabled } },
      }, client);
      return toStream(deps, scope.connection!, rows[0]!);
    });
  },
});

function mappingAnswer(object: ObjectDefinition, stream: StreamRow, override: unknown) {
  const parsedOverride = override === null || override === undefined ? null : mappingSchema.parse(override);
  return { object: stream.object, canonical: object.canonical, default: object.mapping, override: parsedOverride, effective: parsedOverride ?? object.mapping };
}

const getMapping = defineRoute({
  method: 'GET', url: '/api/v1/workspaces/:workspaceId/connections/:connectionId/streams/:object/mapping', operationId: 'getStreamMapping', tag: 'mappings',
  access: 'workspace_member', summary: 'The stream\'s field mapping: default, override, effective', params: streamParams, response: streamMappingSchema,
  errors: [409],
  async handler({ deps, scope }) {
    return mappingAnswer(objectOf(deps, scope.connection!, scope.stream!.object), scope.stream!, scope.stream!.mapping);
  },
});

const putMapping = defineRoute({
  method: 'PUT', url: '/api/v1/workspaces/:workspaceId/connections/:connectionId/streams/:object/mapping', operationId: 'putStreamMapping', tag: 'mappings',
  access: 'workspace_member', audit: 'stream.mapping.update',
  summary: 'Override the stream\'s field mapping (null restores the default); the next run maps with it',
  params: streamParams, body: mappingBody, response: streamMappingSchema, errors: [409],
  async handler({ deps, services, scope, body, audit }) {
    const object = objectOf(deps, scope.connection!, scope.stream!.object);
    return withTransaction(services.pool, async (client) => {
      await client.query('update streams set mapping = $2 where id = $1', [scope.stream!.id, body.mapping === null ? null : JSON.stringify(body.mapping)]);
      await audit({ target: `stream:${scope.stream!.id}`, diff: { object: scope.stream!.object, mapping: { from: scope.stream!.mapping ?? null, to: body.mapping } } }, client);
      return mappingAnswer(object, scope.stream!, body.mapping);
    });
  },
});

const previewMapping = defineRoute({
  method: 'POST', url: '/api/v1/workspaces/:workspaceId/connections/:connectionId/streams/:object/mapping/preview', operationId: 'previewStreamMapping',
  tag: 'mappings', access: 'workspace_member', readOnly: true,
  summary: 'Map the latest stored vendor records of the stream with a proposed mapping: the canonical results and the errors, nothing saved',
  params: streamParams, body: previewBody, response: previewSchema, errors: [409],
  async handler({ deps, scope, body }) {
    const stream = scope.stream!;
    const object = objectOf(deps, scope.connection!, stream.object);
    const mapping = body.mapping ?? effectiveMapping(stream, object);
    const { rows } = await deps.pool.query<{ external_id: string; raw: unknown }>(
      `select external_id, raw from ${CANONICAL_TABLES[object.canonical]}
       where workspace_id = $1 and connection_id = $2 and object = $3 and raw is not null and deleted_at is null
       order by updated_at desc, external_id limit $4`,
      [scope.workspace!.id, scope.connection!.id, stream.object, body.limit]);
    // The runner's own quality rules (map → validate), one record at a time so each keeps its answer.
    const results = rows.map((row) => {
      const page = preparePage([{ id: row.external_id, data: (row.raw ?? {}) as Record<string, unknown> }], { canonical: object.canonical, mapping, scrub: scrubGeneric, keepRaw: false });
      const rejected = page.rejected[0];
      return { externalId: row.external_id, record: rejected ? null : page.rows[0]?.data ?? null, errors: rejected?.fields ?? [] };
    });
    return { canonical: object.canonical, sampled: rows.length, results };
  },
});

export const streamRoutes: AnyRouteSpec[] = [listStreams, updateSchedule, getMapping, putMapping, previewMapping];
