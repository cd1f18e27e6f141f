/**
 * The incremental exports (developer.zendesk.com/api-reference/ticketing/ticket-management/
 * incremental_exports): tickets and users cursor-based (`start_time`, then `cursor`;
 * `after_cursor`, `end_of_stream`) and time-based, organizations time-based only (`start_time`;
 * `end_time`, `next_page`, `end_of_stream`). Records come oldest change first; changes made within
 * `exportDelayMs` of the request are left out (Zendesk: the last minute), and a `start_time`
 * inside that window is refused. Time-based pages restart at `end_time` inclusive, so the
 * records of that second come again, as Zendesk documents.
 */
import type { Collection, Entry, SandboxRequest } from '../../../../src/sandbox/index.js';
import { fail, invalidParameter } from '../errors.js';
import type { OrganizationData, TicketData, UserData } from '../model.js';
import { renderOrganization, renderTicket, renderUser, seconds } from '../render.js';
import { on, type RouteContext } from '../routing.js';

const MAX_PER_PAGE = 1000;

function perPage(req: SandboxRequest): number {
  const raw = req.query.per_page;
  if (raw === undefined) return MAX_PER_PAGE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) fail(invalidParameter('per_page', 'per_page must be a positive integer'));
  return Math.min(n, MAX_PER_PAGE);
}

function startTime(req: SandboxRequest, ctx: RouteContext): number {
  const raw = req.query.start_time;
  if (raw === undefined || !/^\d+$/.test(raw)) fail(invalidParameter('start_time', 'start_time is required and must be a Unix epoch time in seconds'));
  if (Number(raw) > seconds(ctx.store.clock.now() - ctx.exportDelayMs)) {
    fail(invalidParameter('start_time', 'Too recent start_time. Use a start_time that is at least one minute in the past.'));
  }
  return Number(raw);
}

// Zendesk's cursors look like base64("1580753798.0||432|"): a fractional timestamp and an id.
const encode = (e: Entry<unknown>) => Buffer.from(`${(e.updatedAt / 1000).toFixed(3)}||${e.id}|`, 'utf8').toString('base64');

function decode(cursor: string): { at: number; id: number } {
  const match = /^(\d+(?:\.\d+)?)\|\|(\d+)\|$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match) fail(invalidParameter('cursor', 'Invalid cursor'));
  return { at: Math.round(Number(match[1]) * 1000), id: Number(match[2]) };
}

const after = (e: Entry<unknown>, at: number, id: number) => e.updatedAt > at || (e.updatedAt === at && Number(e.id) > id);

/** Visible changes in export order: by change time to the millisecond, then id. */
function visible<T extends object>(ctx: RouteContext, collection: Collection<T>, keep: (e: Entry<T>) => boolean): Entry<T>[] {
  const cutoff = ctx.store.clock.now() - ctx.exportDelayMs;
  return [...collection.list({ filter: (e) => e.updatedAt <= cutoff && keep(e) })].sort((a, b) => a.updatedAt - b.updatedAt || Number(a.id) - Number(b.id));
}

function cursorExport<T extends object>(ctx: RouteContext, key: string, collection: Collection<T>, render: (e: Entry<T>, base: string) => unknown, keep: (req: SandboxRequest) => (e: Entry<T>) => boolean) {
  return (req: SandboxRequest) => {
    const limit = perPage(req);
    const given = req.query.cursor;
    const from = given ? decode(given) : { at: startTime(req, ctx) * 1000, id: -1 };
    const rest = visible(ctx, collection, keep(req)).filter((e) => (given ? after(e, from.at, from.id) : e.updatedAt >= from.at));
    const page = rest.slice(0, limit);
    const base = `${req.baseUrl}${req.path}`;
    const afterCursor = page.length > 0 ? encode(page.at(-1)!) : given ?? null;
    const beforeCursor = page.length > 0 ? encode(page[0]!) : null;
    return {
      status: 200,
      body: {
        [key]: page.map((e) => render(e, req.baseUrl)),
        after_url: afterCursor ? `${base}?cursor=${encodeURIComponent(afterCursor)}` : null, after_cursor: afterCursor,
        before_url: beforeCursor ? `${base}?cursor=${encodeURIComponent(beforeCursor)}` : null, before_cursor: beforeCursor,
        end_of_stream: rest.length <= limit,
      },
    };
  };
}

function timeExport<T extends object>(ctx: RouteContext, key: string, collection: Collection<T>, render: (e: Entry<T>, base: string) => unknown) {
  return (req: SandboxRequest) => {
    const limit = perPage(req);
    const start = startTime(req, ctx);
    const page = visible(ctx, collection, () => true).filter((e) => seconds(e.updatedAt) >= start).slice(0, limit);
    const endTime = page.length > 0 ? seconds(page.at(-1)!.updatedAt) : start;
    return {
      status: 200,
      body: {
        [key]: page.map((e) => render(e, req.baseUrl)),
        next_page: `${req.baseUrl}${req.path}?per_page=${limit}&start_time=${endTime}`,
        count: page.length, end_time: endTime, end_of_stream: page.length < limit,
      },
    };
  };
}

export function registerExportRoutes(ctx: RouteContext): void {
  const { store } = ctx;
  const withDeleted = (req: SandboxRequest) => (e: Entry<TicketData>) => req.query.exclude_deleted !== 'true' || e.data.status !== 'deleted';
  on(ctx, 'GET', '/api/v2/incremental/tickets/cursor', cursorExport(ctx, 'tickets', store.tickets, renderTicket, withDeleted));
  // Deleted users stay in the export with `active: false`.
  on(ctx, 'GET', '/api/v2/incremental/users/cursor', cursorExport<UserData>(ctx, 'users', store.users, renderUser, () => () => true));
  on(ctx, 'GET', '/api/v2/incremental/organizations', timeExport<OrganizationData>(ctx, 'organizations', store.organizations, renderOrganization));
  // The time-based ticket and user exports, still documented beside the cursor-based ones (and
  // what node-zendesk's tickets.incremental and users.incremental call); deleted tickets come
  // with `status: deleted`, deleted users with `active: false`.
  on(ctx, 'GET', '/api/v2/incremental/tickets', timeExport<TicketData>(ctx, 'tickets', store.tickets, renderTicket));
  on(ctx, 'GET', '/api/v2/incremental/users', timeExport<UserData>(ctx, 'users', store.users, renderUser));
}
