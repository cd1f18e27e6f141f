/**
 * Incremental reads of tickets also walk `GET /api/v2/deleted_tickets`, newest deletion first
 * (`sort_by=deleted_at&sort_order=desc`, 100 a page, cursor pagination), until a page reaches
 * deletions older than the read's lower bound. Each becomes a tombstone. The export already
 * shows deleted tickets (`status: deleted`); this list is the documented feed of deletions and
 * catches tickets whose export entry was excluded (`exclude_deleted`) or scrubbed.
 *
 * The loop is written out: Zendesk's cursor pagination stops on `meta.has_more`, not on a
 * missing `after_cursor`.
 */
import { unwrap } from '../../../src/core/index.js';
import type { ConnectorContext } from '../../../src/registry/index.js';
import { raise, type ReadState } from '../cursor.js';
import { DELETED_PAGE_SIZE } from '../resources.js';
import { deletedTicketsSchema } from '../schemas.js';
import type { Step } from './step.js';

export async function* deletedTickets(ctx: ConnectorContext, start: ReadState): AsyncGenerator<Step> {
  let state = start;
  const from = state.from * 1000;
  for (;;) {
    const body = unwrap(await ctx.http.request({
      url: '/api/v2/deleted_tickets.json', schema: deletedTicketsSchema, signal: ctx.signal,
      query: { sort_by: 'deleted_at', sort_order: 'desc', 'page[size]': DELETED_PAGE_SIZE, 'page[after]': state.deletedAfter },
    }));
    const fresh = body.deleted_tickets.filter((t) => Date.parse(t.deleted_at) >= from);
    let high = state.high;
    for (const t of fresh) high = raise(high, t.deleted_at);
    const more = body.meta.has_more && body.meta.after_cursor !== null && fresh.length === body.deleted_tickets.length;
    state = { ...state, high, deletedAfter: more ? body.meta.after_cursor! : undefined };
    yield { records: fresh.map((t) => ({ id: String(t.id), data: { ...t }, deleted: true, cursorValue: t.deleted_at })), state, done: !more };
    if (!more) return;
  }
}
