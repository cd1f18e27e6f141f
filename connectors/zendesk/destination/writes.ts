/**
 * Writes of one Zendesk object, a chunk of at most 100 at a time. One record goes through the
 * single endpoints (`POST`, `PUT`, `DELETE /api/v2/{objects}/{id}`), which answer at once and
 * refuse with a 422 naming the attributes; more through `create_many`, `update_many` and
 * `destroy_many`, which answer a job whose results become per-record outcomes.
 */
import { isConnectorError, type ConnectorResponse } from '../../../src/core/index.js';
import type { ConnectorContext, WriteOutcome } from '../../../src/registry/index.js';
import { z } from 'zod';
import { jobStatusSchema, organizationSchema, userSchema, type JobStatus } from '../schemas.js';
import { toWritable } from './fields.js';
import { runJob, type JobAnswer } from './jobs.js';
import type { WritableObject } from './objects.js';
import { byIdOutcomes, createOutcomes, failedAll } from './outcomes.js';

export interface Writes {
  create(ctx: ConnectorContext, records: Array<Record<string, unknown>>): Promise<WriteOutcome[]>;
  update(ctx: ConnectorContext, records: Array<{ id: string; fields: Record<string, unknown> }>): Promise<WriteOutcome[]>;
  delete(ctx: ConnectorContext, ids: string[]): Promise<WriteOutcome[]>;
}

export function writesOf(object: WritableObject): Writes {
  const base = `/api/v2/${object.plural}`;
  const item = object.plural === 'users' ? userSchema : organizationSchema;
  const one = z.looseObject({ [object.singular]: item }).transform((b) => b[object.singular] as Record<string, unknown>);
  const path = (id: string) => `${base}/${encodeURIComponent(id)}.json`;

  const single = (res: ConnectorResponse<Record<string, unknown>>): WriteOutcome =>
    (res.ok && res.body ? { ok: true, id: String(res.body.id), record: object.toRecord(res.body) } : { ok: false, error: res.error! });

  /** A bulk call's outcomes; a call refused or lost as a whole fails each of its records. */
  async function bulk(ctx: ConnectorContext, count: number, send: () => Promise<ConnectorResponse<JobAnswer>>, outcomes: (job: JobStatus) => WriteOutcome[]): Promise<WriteOutcome[]> {
    try {
      return outcomes(await runJob(ctx, send));
    } catch (error) {
      // A 401 or 403 stops the load; anything else belongs to these records (verify settles a lost job).
      if (isConnectorError(error) && error.kind !== 'permanent') return failedAll(count, error);
      throw error;
    }
  }

  return {
    async create(ctx, records) {
      const inputs = records.map((r) => toWritable(object, r, 'create'));
      if (inputs.length === 1) return [single(await ctx.http.request({ method: 'POST', url: `${base}.json`, json: { [object.singular]: inputs[0] }, schema: one, signal: ctx.signal }))];
      const send = () => ctx.http.request({ method: 'POST', url: `${base}/create_many.json`, json: { [object.plural]: inputs }, schema: jobStatusSchema, signal: ctx.signal });
      return bulk(ctx, inputs.length, send, (job) => createOutcomes(job, inputs.length));
    },

    async update(ctx, records) {
      const ids = records.map((r) => r.id);
      if (records.length === 1) {
        return [single(await ctx.http.request({ method: 'PUT', url: path(ids[0]!), json: { [object.singular]: toWritable(object, records[0]!.fields, 'update') }, schema: one, signal: ctx.signal }))];
      }
      const inputs = records.map((r) => ({ ...toWritable(object, r.fields, 'update'), id: Number(r.id) }));
      const send = () => ctx.http.request({ method: 'PUT', url: `${base}/update_many.json`, json: { [object.plural]: inputs }, schema: jobStatusSchema, signal: ctx.signal });
      return bulk(ctx, ids.length, send, (job) => byIdOutcomes(job, ids, 'update'));
    },

    async delete(ctx, ids) {
      if (ids.length === 1) {
        // 200 with the user (`active: false`), 204 for an organization; only a read afterwards proves it.
        const res = await ctx.http.request({ method: 'DELETE', url: path(ids[0]!), signal: ctx.signal });
        return [res.ok || res.error?.kind === 'not_found' ? { ok: true, id: ids[0]! } : { ok: false, error: res.error! }];
      }
      const send = () => ctx.http.request({ method: 'DELETE', url: `${base}/destroy_many.json`, query: { ids: ids.join(',') }, schema: jobStatusSchema, signal: ctx.signal });
      return bulk(ctx, ids.length, send, (job) => byIdOutcomes(job, ids, 'delete'));
    },
  };
}
