/**
 * The full read: `GET /v1/<objects>?limit=100&starting_after=…` through the platform's `last_id`
 * paginator. Stripe lists newest first, so objects created during the read land before its
 * position and are left to the incremental that follows (the cursor's `since` is the read's
 * start minus the lookback). A resumed read starts after the last object committed; if Stripe no
 * longer knows that object, it restarts at that object's second, `created[lte]`, inclusive.
 */
import { isConnectorError, type QueryValue } from '../../../src/core/index.js';
import type { ConnectorContext, Page } from '../../../src/registry/index.js';
import { paginate, type PaginatorSpec } from '../../../src/stream/index.js';
import type { StripeCursor } from '../cursor.js';
import { listSchema } from '../schemas.js';
import type { StripeResource } from './resources.js';

/** Stripe's largest page (docs.stripe.com/api/pagination). */
export const PAGE_SIZE = 100;

export const STARTING_AFTER: PaginatorSpec = { type: 'last_id', param: 'starting_after', idPath: 'id', hasMorePath: 'has_more', limitParam: 'limit', limit: PAGE_SIZE };

type Position = NonNullable<StripeCursor['list']>;

function anchorGone(error: unknown): boolean {
  return isConnectorError(error) && (error.kind === 'not_found' || error.kind === 'validation') && error.fields.some((f) => f.field === 'starting_after');
}

export async function* readList(ctx: ConnectorContext, resource: StripeResource, since: string, resume?: Position): AsyncGenerator<Page> {
  let query: Record<string, QueryValue> = {};
  let start = resume ? { token: resume.after } : null;
  let position = resume;
  let fetched = false;
  for (;;) {
    try {
      const pages = paginate(ctx, { request: { url: resource.path, query }, paginator: STARTING_AFTER, recordsPath: 'data', start, schema: listSchema(resource.schema) });
      for await (const page of pages) {
        fetched = true;
        const tail = page.records.at(-1);
        if (tail) position = { after: String(tail.id), created: Number(tail.created) };
        const more = page.next !== null;
        yield {
          records: page.records.map((object) => ({ id: String(object.id), data: resource.toRecord(object), cursorValue: Number(object.created) })),
          cursor: more && position ? { since, list: position } : { since },
          hasMore: more,
        };
      }
      return;
    } catch (error) {
      if (fetched || !resume || !anchorGone(error)) throw error;
      ctx.logger.warn({ object: resource.objectType, after: resume.after }, 'the object a resumed full read starts after is gone; re-reading from its second');
      query = { 'created[lte]': resume.created };
      start = null;
      fetched = true;
    }
  }
}
