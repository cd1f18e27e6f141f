/**
 * Tickets (developer.zendesk.com/api-reference/ticketing/tickets/tickets): `GET /api/v2/tickets`
 * (live tickets by id, cursor or offset paged), `POST /api/v2/tickets` (201 `{ ticket, audit }`;
 * the first comment becomes the description), `GET /api/v2/tickets/{id}` (`{ ticket }`; a deleted
 * ticket answers 404 RecordNotFound), `PUT /api/v2/tickets/{id}` (200 `{ ticket, audit }`, a
 * `comment` adds one) and `DELETE /api/v2/tickets/{id}` (204 No Content; the ticket moves to the
 * deleted tickets). A refused write is 422 RecordInvalid with `details`. The audit lists a
 * Comment event and one Create (or Change, with `previous_value`) event per field set; comments
 * themselves are not kept: no `GET /tickets/{id}/comments`, no audits list.
 */
import type { Entry } from '../../../../src/sandbox/index.js';
import { OWNER } from '../auth.js';
import { notFound, recordInvalid } from '../errors.js';
import type { TicketData } from '../model.js';
import { iso, renderTicket } from '../render.js';
import { bodyObject, on, param, type RouteContext } from '../routing.js';
import type { TicketComment } from '../validate-ticket.js';
import { pagedList } from './paged.js';

const AUDITED = ['subject', 'status', 'priority', 'type', 'requester_id', 'assignee_id', 'organization_id', 'group_id', 'tags'] as const;

export function registerTicketWrites(ctx: RouteContext): void {
  const { store } = ctx;
  let serial = 0;
  const audit = (entry: Entry<TicketData>, before: TicketData | undefined, comment: TicketComment | undefined) => {
    const auditId = 9_000_000 + ++serial;
    const events: Array<Record<string, unknown>> = [];
    if (comment) {
      events.push({ id: auditId * 100 + events.length, type: 'Comment', author_id: OWNER.id, body: comment.body, html_body: `<p>${comment.body}</p>`, plain_body: comment.body, public: comment.public, attachments: [], audit_id: auditId });
    }
    for (const field of AUDITED) {
      const value = entry.data[field];
      if (before && JSON.stringify(before[field]) === JSON.stringify(value)) continue;
      const shown = Array.isArray(value) ? value : value === null ? null : String(value);
      events.push({ id: auditId * 100 + events.length, type: before ? 'Change' : 'Create', field_name: field, value: shown, ...(before ? { previous_value: Array.isArray(before[field]) ? before[field] : before[field] === null ? null : String(before[field]) } : {}) });
    }
    return {
      id: auditId, ticket_id: Number(entry.id), created_at: iso(entry.updatedAt), author_id: OWNER.id,
      metadata: { system: {}, custom: {} }, via: { channel: 'api', source: { from: {}, to: {}, rel: null } }, events,
    };
  };

  on(ctx, 'GET', '/api/v2/tickets', (req) => {
    const live = store.tickets.list({ filter: (e) => e.data.status !== 'deleted', sortBy: (e) => Number(e.id) });
    return pagedList(req, 'tickets', live, (e) => renderTicket(e, req.baseUrl));
  });

  on(ctx, 'POST', '/api/v2/tickets', (req) => {
    const written = store.createTicket(bodyObject(req, 'ticket'));
    if (!written.ok) return recordInvalid(written.details);
    return { status: 201, headers: { location: `${req.baseUrl}/api/v2/tickets/${written.entry.id}.json` }, body: { ticket: renderTicket(written.entry, req.baseUrl), audit: audit(written.entry, undefined, written.comment) } };
  });

  on(ctx, 'GET', '/api/v2/tickets/:id', (req) => {
    const entry = store.tickets.get(param(req));
    return entry && entry.data.status !== 'deleted' ? { status: 200, body: { ticket: renderTicket(entry, req.baseUrl) } } : notFound();
  });

  on(ctx, 'PUT', '/api/v2/tickets/:id', (req) => {
    const written = store.updateTicket(param(req), bodyObject(req, 'ticket'));
    if (!written) return notFound();
    if (!written.ok) return recordInvalid(written.details);
    return { status: 200, body: { ticket: renderTicket(written.entry, req.baseUrl), audit: audit(written.entry, written.before, written.comment) } };
  });

  on(ctx, 'DELETE', '/api/v2/tickets/:id', (req) => {
    const entry = store.tickets.get(param(req));
    if (!entry || entry.data.status === 'deleted') return notFound();
    // A lying vendor: the answer says deleted, the ticket stays.
    if (!ctx.server.faults.consume('fake_delete', req)) store.deleteTicket(entry.id);
    return { status: 204 };
  });
}
