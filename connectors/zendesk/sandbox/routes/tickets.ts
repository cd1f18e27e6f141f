/**
 * Deleted tickets (`GET /api/v2/deleted_tickets`, at most 100 a page, cursor pagination with
 * `page[size]`/`page[after]` or offset with `page`/`per_page`; `sort_by` id, subject or
 * deleted_at) and job statuses (`GET /api/v2/job_statuses/{id}`).
 */
import { encodeCursor, pageByCursorToken, pageByPageNumber, SandboxHttpError, type Entry, type PagingProblem, type SandboxRequest } from '../../../../src/sandbox/index.js';
import { OWNER } from '../auth.js';
import { invalidParameter, notFound } from '../errors.js';
import type { TicketData } from '../model.js';
import { renderDeletedTicket } from '../render.js';
import { on, param, type RouteContext } from '../routing.js';

const SORTS: Record<string, (e: Entry<TicketData>) => string | number> = {
  id: (e) => Number(e.id), subject: (e) => e.data.subject.toLowerCase(), deleted_at: (e) => e.data.deleted_at ?? e.updatedAt,
};

/** Zendesk's 400 for a bad page size or a cursor naming nothing, thrown through the pagers. */
function reject(problem: PagingProblem): Error {
  const answer = invalidParameter(problem.kind === 'invalid_cursor' ? 'page[after]' : 'page[size]', problem.message);
  return new SandboxHttpError(answer.status, answer.body, answer.headers);
}

function deletedTickets(ctx: RouteContext) {
  return (req: SandboxRequest) => {
    const sortBy = SORTS[req.query.sort_by ?? 'id'] ?? SORTS.id!;
    const list = ctx.store.tickets.list({ filter: (e) => e.data.status === 'deleted', sortBy, order: req.query.sort_order === 'desc' ? 'desc' : 'asc' });
    const render = (e: Entry<TicketData>) => renderDeletedTicket(e, { id: OWNER.id, name: OWNER.name });
    const base = `${req.baseUrl}${req.path}`;
    const size = req.query['page[size]'];
    if (size !== undefined) {
      const { items, next } = pageByCursorToken(list, { key: (e) => e.id, after: req.query['page[after]'], limit: size, maxLimit: 100, overMax: 'error', reject });
      const last = items.at(-1);
      return {
        status: 200,
        body: {
          deleted_tickets: items.map(render),
          meta: { has_more: next !== undefined, after_cursor: last ? encodeCursor(last.id) : null, before_cursor: items[0] ? encodeCursor(items[0].id) : null },
          links: { next: next ? `${base}?page%5Bsize%5D=${size}&page%5Bafter%5D=${next}` : null, prev: null },
        },
      };
    }
    const { items, next, total } = pageByPageNumber(list, { page: req.query.page, perPage: req.query.per_page, maxLimit: 100, reject });
    return { status: 200, body: { deleted_tickets: items.map(render), next_page: next ? `${base}?page=${next}` : null, previous_page: null, count: total } };
  };
}

export function registerTicketRoutes(ctx: RouteContext): void {
  on(ctx, 'GET', '/api/v2/deleted_tickets', deletedTickets(ctx));
  on(ctx, 'GET', '/api/v2/job_statuses/:id', (req) => {
    const id = param(req);
    return ctx.jobs.has(id) ? { status: 200, body: ctx.jobs.render(id, req.baseUrl) } : notFound();
  });
}
