/**
 * The pages of one change-tracking read, through the platform's `next_url` paginator: the
 * first request (the whole table, or the changes after a delta token), then each
 * `@odata.nextLink`. Every request asks for change tracking, the page size and the annotations
 * the records are derived from; Dataverse sends `Prefer` preferences again on every page.
 */
import type { ConnectorContext } from '../../../src/registry/index.js';
import { paginate, type FetchedPage } from '../../../src/stream/index.js';
import { PAGE_SIZE, type DataverseEntity } from '../entities.js';
import { annotationsPreference, pageSizePreference, prefer, READ_ANNOTATIONS } from '../odata.js';
import { pageSchema, type Page } from '../schemas.js';

/** A page of 1,000 rows with their annotations can take longer than the default 10 s. */
const PAGE_TIMEOUT_MS = 60_000;

export function pagesFrom(ctx: ConnectorContext, entity: DataverseEntity, link: string): AsyncGenerator<FetchedPage<Page>> {
  return paginate<Page>(ctx, {
    request: {
      url: link,
      headers: { Prefer: prefer('odata.track-changes', pageSizePreference(PAGE_SIZE), annotationsPreference(READ_ANNOTATIONS)) },
      timeoutMs: PAGE_TIMEOUT_MS,
    },
    paginator: { type: 'next_url', nextUrlPath: 'next' },
    recordsPath: 'items',
    schema: pageSchema(entity),
  });
}
