/**
 * The routes users and organizations share: list (cursor or offset paged, see paged.ts), show,
 * show_many, create, update, delete, and the bulk `create_many` / `update_many` /
 * `destroy_many` that answer a `job_status` and write later,
 * with per-record results in request order (Zendesk keeps that order; developer advocacy on the
 * Zendesk community, "Create or Update Many Users response specifications").
 */
import type { Entry, SandboxRequest, SandboxResponse } from '../../../../src/sandbox/index.js';
import { fail, notFound, recordInvalid } from '../errors.js';
import type { JobResult } from '../jobs.js';
import { bodyArray, bodyObject, idList, on, param, type RouteContext } from '../routing.js';
import type { Written } from '../store.js';
import { detailsText } from '../validate.js';
import { pagedList } from './paged.js';

export interface ResourceSpec<T> {
  plural: 'users' | 'organizations';
  singular: 'user' | 'organization';
  /** What the list endpoint shows, in id order (deleted users are left out of it). */
  live(): readonly Entry<T>[];
  /** A readable record by id (a soft-deleted user is readable, `active: false`). */
  get(id: string): Entry<T> | undefined;
  create(input: Record<string, unknown>): Written<T>;
  update(id: string, input: Record<string, unknown>): Written<T> | undefined;
  /** The answer of a single delete, or undefined when there is nothing to delete. */
  remove(id: string, req: SandboxRequest, fake: boolean): SandboxResponse | undefined;
  render(entry: Entry<T>, baseUrl: string): Record<string, unknown>;
  /** Extra fields of a create result (users echo their email). */
  echo(entry: Entry<T>): Record<string, unknown>;
}

function failed(extra: Record<string, unknown>, error: string, details: string): JobResult {
  return { ...extra, success: false, status: 'Failed', error, details };
}

export function registerResourceRoutes<T>(ctx: RouteContext, spec: ResourceSpec<T>): void {
  const base = `/api/v2/${spec.plural}`;
  const one = (req: SandboxRequest, entry: Entry<T>, status = 200) => ({ status, body: { [spec.singular]: spec.render(entry, req.baseUrl) } });
  const job = (req: SandboxRequest, type: string, total: number, run: () => JobResult[]) => {
    const id = ctx.jobs.enqueue(type, total, run);
    return { status: 200, body: ctx.jobs.render(id, req.baseUrl) };
  };

  on(ctx, 'GET', base, (req) => pagedList(req, spec.plural, spec.live(), (e) => spec.render(e, req.baseUrl)));

  on(ctx, 'GET', `${base}/show_many`, (req) => {
    const entries = idList(req).map((id) => spec.get(id)).filter((e): e is Entry<T> => e !== undefined);
    return { status: 200, body: { [spec.plural]: entries.map((e) => spec.render(e, req.baseUrl)) } };
  });

  on(ctx, 'GET', `${base}/:id`, (req) => {
    const entry = spec.get(param(req));
    return entry ? one(req, entry) : notFound();
  });

  on(ctx, 'POST', base, (req) => {
    const written = spec.create(bodyObject(req, spec.singular));
    return written.ok ? one(req, written.entry, 201) : recordInvalid(written.details);
  });

  on(ctx, 'PUT', `${base}/:id`, (req) => {
    const written = spec.update(param(req), bodyObject(req, spec.singular));
    if (!written) return notFound();
    return written.ok ? one(req, written.entry) : recordInvalid(written.details);
  });

  on(ctx, 'DELETE', `${base}/:id`, (req) => spec.remove(param(req), req, ctx.server.faults.consume('fake_delete', req)) ?? notFound());

  on(ctx, 'POST', `${base}/create_many`, (req) => {
    const inputs = bodyArray(req, spec.plural);
    return job(req, 'bulk_create_job', inputs.length, () => inputs.map((input, index) => {
      const written = spec.create(input);
      return written.ok ? { id: Number(written.entry.id), index, status: 'Created', ...spec.echo(written.entry) } : failed({ index }, 'RecordInvalid', detailsText(written.details));
    }));
  });

  on(ctx, 'PUT', `${base}/update_many`, (req) => {
    // Either one change for `?ids=…` (`{ user: {...} }`) or one per record (`{ users: [{ id, ... }] }`).
    const inputs = req.query.ids !== undefined
      ? ((shared) => idList(req).map((id) => ({ ...shared, id })))(bodyObject(req, spec.singular))
      : bodyArray(req, spec.plural);
    return job(req, 'bulk_update_job', inputs.length, () => inputs.map(({ id, ...input }, index) => {
      const extra = { id: Number(id), index, action: 'update' };
      const written = spec.update(String(id ?? ''), input);
      if (!written) return failed(extra, 'RecordNotFound', 'Not found');
      return written.ok ? { ...extra, success: true, status: 'Updated' } : failed(extra, 'RecordInvalid', detailsText(written.details));
    }));
  });

  on(ctx, 'DELETE', `${base}/destroy_many`, (req) => {
    const ids = idList(req);
    if (ids.length === 0) fail(recordInvalid({ ids: [{ description: 'ids parameter is missing', error: 'ParameterMissing' }] }, 400));
    return job(req, 'bulk_delete_job', ids.length, () => ids.map((id, index) => {
      const extra = { id: Number(id), index, action: 'delete' };
      return spec.remove(id, req, false) ? { ...extra, success: true, status: 'Deleted' } : failed(extra, 'RecordNotFound', 'Not found');
    }));
  });
}
