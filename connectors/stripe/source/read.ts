/**
 * `read(ctx, { cursor, mode })` for one Stripe object, by the runner's cursor convention:
 * - full, no cursor: a fresh full read (list endpoint), its `since` the start minus the lookback;
 * - full, a full read's page cursor: resume after that page (after its last page: nothing left);
 * - incremental: the events feed from the cursor's `since` (minus the lookback). Stripe keeps
 *   events for 30 days, so a checkpoint older than that cannot be trusted to see every change:
 *   the read falls back to a full one, as it does without a usable cursor (and an interrupted
 *   fallback resumes its list, since its page cursors carry a list position).
 */
import type { ConnectorContext, Page, ReadOptions, SourceOperations } from '../../../src/registry/index.js';
import { fullReadSince, parseCursor } from '../cursor.js';
import { readEvents } from './events-read.js';
import { readList } from './list-read.js';
import type { StripeResource } from './resources.js';

/** Older checkpoints fall back to a full read: events live 30 days (docs.stripe.com/api/events). */
export const EVENTS_USABLE_MS = 29 * 24 * 60 * 60 * 1000;

async function* read(ctx: ConnectorContext, resource: StripeResource, options: ReadOptions): AsyncGenerator<Page> {
  const cursor = parseCursor(options.cursor);
  if (options.mode === 'full') {
    if (!cursor) return yield* readList(ctx, resource, fullReadSince());
    if (cursor.list) return yield* readList(ctx, resource, cursor.since, cursor.list);
    // The last page of this full read was committed before it was interrupted.
    return yield { records: [], cursor, hasMore: false };
  }
  if (!cursor) return yield* readList(ctx, resource, fullReadSince());
  // A list position here is a fallback full read that was interrupted: finish it.
  if (cursor.list) return yield* readList(ctx, resource, cursor.since, cursor.list);
  if (Date.now() - new Date(cursor.since).getTime() > EVENTS_USABLE_MS) {
    ctx.logger.warn({ object: resource.objectType, since: cursor.since }, 'the checkpoint is older than Stripe keeps events; reading everything again');
    return yield* readList(ctx, resource, fullReadSince());
  }
  return yield* readEvents(ctx, resource, { since: cursor.since });
}

export function stripeSource(resource: StripeResource, deletes: SourceOperations['deletes']): SourceOperations {
  return { read: (ctx, options) => read(ctx, resource, options), deletes };
}
