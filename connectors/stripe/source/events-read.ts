/**
 * The incremental read: the events API as the changes feed,
 * `GET /v1/events?types[]=…&created[gte]=<since - lookback>`, paged with `starting_after`.
 * Events come newest first, so a window is read whole, each object kept at its latest event
 * (an object changed twice yields its newest state once), and yielded oldest first: a page's
 * cursor is the `created` of its newest event, so the checkpoint never passes a change that was
 * not yet committed. A window holding more than MAX_BUFFERED objects is split at the oldest event
 * seen and its older part read first, so memory stays bounded.
 */
import { ConnectorError } from '../../../src/core/index.js';
import type { ConnectorContext, Page, SourceRecord } from '../../../src/registry/index.js';
import { advance, queryFrom } from '../../../src/stream/index.js';
import { LOOKBACK_MS, type StripeCursor } from '../cursor.js';
import type { StripeEvent } from '../schemas.js';
import { collect, MAX_BUFFERED, type Window } from './events-window.js';
import { PAGE_SIZE } from './list-read.js';
import type { StripeResource } from './resources.js';

function toRecord(resource: StripeResource, event: StripeEvent): SourceRecord {
  const object = event.data.object;
  if (resource.deletedTypes.includes(event.type)) return { id: object.id, data: resource.toRecord(object), deleted: true, cursorValue: event.created };
  const parsed = resource.schema.safeParse(object);
  if (!parsed.success) {
    const fields = parsed.error.issues.slice(0, 10).map((i) => ({ field: i.path.join('.') || '(root)', message: i.message }));
    throw new ConnectorError(`stripe event ${event.id} carries a ${resource.objectType} of an unexpected shape`, { kind: 'permanent', code: 'unexpected_response', fields });
  }
  return { id: object.id, data: resource.toRecord(parsed.data as Record<string, unknown>), cursorValue: event.created };
}

/** Pages of one window, oldest change first, each with the checkpoint it completes. */
function* pagesOf(resource: StripeResource, window: Window, cursor: StripeCursor): Generator<{ page: Omit<Page, 'hasMore'>; cursor: StripeCursor }> {
  const changes = [...window.latest.values()].sort((a, b) => a.event.created - b.event.created || b.order - a.order);
  for (let i = 0; i < changes.length; i += PAGE_SIZE) {
    const chunk = changes.slice(i, i + PAGE_SIZE);
    cursor = { since: advance(cursor, chunk.at(-1)!.event.created)!.since };
    yield { page: { records: chunk.map((c) => toRecord(resource, c.event)), cursor }, cursor };
  }
}

/** @param options.maxBuffered distinct objects per window before it is split @default MAX_BUFFERED */
export async function* readEvents(ctx: ConnectorContext, resource: StripeResource, start: StripeCursor, options: { maxBuffered?: number } = {}): AsyncGenerator<Page> {
  const cap = options.maxBuffered ?? MAX_BUFFERED;
  let cursor: StripeCursor = { since: start.since };
  let from = Math.floor(queryFrom(start, LOOKBACK_MS)!.getTime() / 1000);
  let to: number | undefined;
  // One page is held back, so the last page yielded is known to be the last (hasMore: false).
  let pending: Omit<Page, 'hasMore'> | undefined;
  let yielded = new Set<string>();
  for (;;) {
    let window = await collect(ctx, resource, from, to, cap);
    if (window.overflow) {
      const split = window.oldest!;
      if (split > from && (to === undefined || split < to)) {
        to = split;
        continue;
      }
      window = await collect(ctx, resource, from, to, Infinity);
    }
    // The split second belongs to both windows: what the older one yielded is not yielded again.
    for (const [id, change] of window.latest) if (yielded.has(change.event.id)) window.latest.delete(id);
    for (const next of pagesOf(resource, window, cursor)) {
      if (pending) yield { ...pending, hasMore: true };
      pending = next.page;
      cursor = next.cursor;
    }
    if (to === undefined) break;
    const split = to;
    yielded = new Set([...window.latest.values()].filter((c) => c.event.created === split).map((c) => c.event.id));
    [from, to] = [split, undefined];
  }
  yield pending ? { ...pending, hasMore: false } : { records: [], cursor, hasMore: false };
}
