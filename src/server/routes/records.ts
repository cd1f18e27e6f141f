/** What syncs produced: the change log (by sequence) and the canonical records (with search). */
import { z } from 'zod';
import { CANONICAL_TABLES } from '../../stream/index.js';
import { iso } from '../db.js';
import { cursorSchema, decodeCursor, limitSchema, pageOf } from '../paging.js';
import { defineRoute, type AnyRouteSpec } from '../route-spec.js';
import { idSchema, pageSchema, queryBoolean } from '../schemas/common.js';
import { canonicalRecordSchema, changePageSchema, RECORD_TYPES } from '../schemas/data.js';

interface ChangeRow { seq: string; connection_id: string; object: string; external_id: string; op: 'insert' | 'update' | 'delete'; canonical_type: string; data: Record<string, unknown> | null; run_id: string | null; created_at: Date }

const listChanges = defineRoute({
  method: 'GET', url: '/api/v1/workspaces/:workspaceId/changes', operationId: 'listChanges', tag: 'changes', access: 'workspace_member',
  summary: 'The change log in sequence order: pass the answer\'s nextAfter as `after` to read on',
  params: z.object({ workspaceId: idSchema }),
  query: z.object({
    after: z.coerce.number().int().min(0).default(0).meta({ description: 'Events with a sequence above this. @default 0' }),
    limit: z.coerce.number().int().min(1).max(1000).default(100).meta({ description: '@default 100, at most 1000' }),
    connectionId: idSchema.optional(), object: z.string().max(100).optional(),
  }),
  response: changePageSchema,
  async handler({ deps, scope, query }) {
    const { rows } = await deps.pool.query<ChangeRow>(
      `select seq, connection_id, object, external_id, op, canonical_type, data, run_id, created_at from change_log
       where workspace_id = $1 and seq > $2 and ($3::uuid is null or connection_id = $3) and ($4::text is null or object = $4)
       order by seq limit $5`,
      [scope.workspace!.id, query.after, query.connectionId ?? null, query.object ?? null, query.limit]);
    const items = rows.map((r) => ({
      seq: Number(r.seq), connectionId: r.connection_id, object: r.object, externalId: r.external_id, op: r.op, canonicalType: r.canonical_type,
      data: r.data, runId: r.run_id, createdAt: iso(r.created_at),
    }));
    return { items, nextAfter: items.length > 0 ? items[items.length - 1]!.seq : query.after };
  },
});

interface RecordRow { connection_id: string; object: string; external_id: string; data: Record<string, unknown>; deleted_at: Date | null; created_at: Date; updated_at: Date }

const listRecords = defineRoute({
  method: 'GET', url: '/api/v1/workspaces/:workspaceId/records/:type', operationId: 'listRecords', tag: 'records',
  access: 'workspace_member', summary: 'Canonical records, by connection, object and external id; `q` searches email and name',
  params: z.object({ workspaceId: idSchema, type: z.enum(Object.keys(RECORD_TYPES) as ['persons', 'accounts', 'activities']) }),
  query: z.object({
    connectionId: idSchema.optional().meta({ description: 'Only this connection\'s records.' }),
    q: z.string().trim().min(1).max(200).optional().meta({ description: 'Case-insensitive substring of the email, name, first/last name or domain.' }),
    object: z.string().max(100).optional(),
    includeDeleted: queryBoolean.optional(),
    limit: limitSchema, cursor: cursorSchema,
  }),
  response: pageSchema(canonicalRecordSchema),
  async handler({ deps, scope, params, query }) {
    const table = CANONICAL_TABLES[RECORD_TYPES[params.type]];
    const after = query.cursor ? decodeCursor(query.cursor, 3).map(String) : null;
    const like = query.q ? `%${query.q.replace(/[\\%_]/g, '\\$&')}%` : null;
    const { rows } = await deps.pool.query<RecordRow>(
      `select connection_id, object, external_id, data, deleted_at, created_at, updated_at from ${table}
       where workspace_id = $1 and ($2::uuid is null or connection_id = $2) and ($3::text is null or object = $3) and ($4 or deleted_at is null)
         and ($5::text is null or data->>'email' ilike $5 or data->>'name' ilike $5 or data->>'firstName' ilike $5 or data->>'lastName' ilike $5
              or concat_ws(' ', data->>'firstName', data->>'lastName') ilike $5 or data->>'domain' ilike $5)
         and ($6::uuid is null or (connection_id, object, external_id) > ($6::uuid, $7, $8))
       order by connection_id, object, external_id limit $9`,
      [scope.workspace!.id, query.connectionId ?? null, query.object ?? null, query.includeDeleted ?? false, like,
        after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, query.limit + 1]);
    return pageOf(rows, query.limit, (r) => ({
      connectionId: r.connection_id, object: r.object, externalId: r.external_id, data: r.data,
      deletedAt: iso(r.deleted_at), createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
    }), (r) => [r.connection_id, r.object, r.external_id]);
  },
});

export const recordRoutes: AnyRouteSpec[] = [listChanges, listRecords];
