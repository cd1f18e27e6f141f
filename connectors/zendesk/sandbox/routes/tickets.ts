/**
 * Deleted tickets (`GET /api/v2/deleted_tickets`, at most 100 a page, cursor pagination with
 * `page[size]`/`page[after]` or offset with `page`/`per_page`; `sort_by` id, subject or
 * deleted_at) and job statuses (`GET /api/v2/job_statuses/{id}`). The ticket CRUD routes are
 * in ticket-writes.ts.
 */
import type { Entry, SandboxRequest } from '../../../../src/sandbox/index.js';
import { OWNER } from '../auth.js';
import { notFound } from '../errors.js';
import type { TicketData } from '../model.js';
import { renderDeletedTicket } from '../render.js';
import { on, param, type RouteContext } from '../routing.js';
import { pagedList } from './paged.js';
import { registerTicketWrites } from './ticket-writes.js';

const SORTS: Record<string, (e: Entry<TicketData>) => string | number> = {
  id: (e) => Number(e.id), subject: (e) => e.data.subject.toLowerCase(), deleted_at: (e) => e.data.deleted_at ?? e.updatedAt,
};

function deletedTickets(ctx: RouteContext) {
  return (req: SandboxRequest) => {
    const sortBy = SORTS[req.query.sort_by ?? 'id'] ?? SORTS.id!;
    const list = ctx.store.tickets.list({ filter: (e) => e.data.status === 'deleted', sortBy, order: req.query.sort_order === 'desc' ? 'desc' : 'asc' });
    return pagedList(req, 'deleted_tickets', list, (e) => renderDeletedTicket(e, { id: OWNER.id, name: OWNER.name }));
  };
}

export function registerTicketRoutes(ctx: RouteContext): void {
  on(ctx, 'GET', '/api/v2/deleted_tickets', deletedTickets(ctx));
  registerTicketWrites(ctx);
  on(ctx, 'GET', '/api/v2/job_statuses/:id', (req) => {
    const id = param(req);
    return ctx.jobs.has(id) ? { status: 200, body: ctx.jobs.render(id, req.baseUrl) } : notFound();
  });
}
