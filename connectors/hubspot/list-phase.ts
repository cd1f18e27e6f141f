/**
 * Full reads page through `GET /crm/v3/objects/{type}` with the declared cursor-token paginator
 * (`paging.next.after` → `after`). The token names a position by id, so pages do not shift when
 * records change meanwhile. Then `archived=true` lists HubSpot's deletes, which become tombstones
 * (all of them in a full read; in an incremental read, those archived since the checkpoint).
 */
import type { ConnectorContext, SourceRecord } from '../../src/registry/index.js';
import { paginate, type PaginatorSpec } from '../../src/stream/index.js';
import { raise, toMs, type ReadState } from './cursor.js';
import { LIST_PAGE_LIMIT, type HubspotObject } from './objects.js';
import { liveRecord, modifiedAt, tombstone } from './records.js';
import { listResponseSchema } from './schemas.js';

export interface Step {
  records: SourceRecord[];
  /** Where the read stands after this page. */
  state: ReadState;
  /** True on the read's last page. */
  done: boolean;
}

const LIST_PAGING: PaginatorSpec = { type: 'cursor_token', tokenParam: 'after', tokenPath: 'paging.next.after', limitParam: 'limit', limit: LIST_PAGE_LIMIT };

export async function* listPhase(ctx: ConnectorContext, object: HubspotObject, state: ReadState): AsyncGenerator<Step> {
  const archived = state.phase === 'archived';
  const query = {
    properties: object.properties.join(','),
    associations: !archived && object.associations.length > 0 ? object.associations.join(',') : undefined,
    archived: archived ? 'true' : undefined,
  };
  const archivedFrom = state.archivedFrom === undefined ? -Infinity : toMs(state.archivedFrom);
  let high = state.high;
  const pages = paginate(ctx, {
    request: { url: `/crm/v3/objects/${object.name}`, query }, paginator: LIST_PAGING, recordsPath: 'results',
    start: state.after ? { token: state.after } : null, schema: listResponseSchema,
  });
  for await (const page of pages) {
    let records: SourceRecord[];
    if (archived) {
      const gone = page.body.results.filter((r) => toMs(r.archivedAt ?? r.updatedAt) >= archivedFrom);
      for (const r of gone) high = raise(high, r.archivedAt ?? r.updatedAt);
      records = gone.map(tombstone);
    } else {
      for (const r of page.body.results) high = raise(high, modifiedAt(object, r));
      records = page.body.results.map((r) => liveRecord(object, r));
    }
    const here: ReadState = { ...state, high };
    if (page.next?.token) yield { records, state: { ...here, after: page.next.token }, done: false };
    else if (archived) yield { records, state: { ...here, after: undefined }, done: true };
    else yield { records, state: { ...here, phase: 'archived', after: undefined }, done: false };
  }
}
