/**
 * Incremental reads: `POST /crm/v3/objects/{type}/search` for records modified at or after the
 * checkpoint (minus the lookback), sorted ascending by the modification property, 200 a page.
 *
 * HubSpot's `after` is an offset and no query may page past 10,000 results. Offsets also shift
 * when a record already read is modified again (it moves to the end and the next unread one
 * slides into the page already served). So each page starts a fresh query from the newest
 * modification time seen, inclusive: the 10,000 cap is never reached and nothing is skipped.
 * The one case that makes no progress, a full page sharing one millisecond (bulk imports), walks
 * that millisecond by `hs_object_id` and then continues one millisecond later.
 */
import { unwrap } from '../../src/core/index.js';
import type { ConnectorContext } from '../../src/registry/index.js';
import { withAssociations } from './associations.js';
import { iso, raise, toMs, type ReadState } from './cursor.js';
import type { Step } from './list-phase.js';
import { SEARCH_PAGE_LIMIT, type HubspotObject } from './objects.js';
import { paceSearch } from './pacing.js';
import { liveRecord, modifiedAt } from './records.js';
import { searchResponseSchema } from './schemas.js';

function searchBody(object: HubspotObject, state: ReadState): Record<string, unknown> {
  // Datetime filter values as epoch milliseconds, the form HubSpot's search guide documents.
  const from = String(toMs(state.from!));
  const tie = state.tieAfterId !== undefined;
  const filters = tie
    ? [{ propertyName: object.modified, operator: 'EQ', value: from }, { propertyName: 'hs_object_id', operator: 'GT', value: state.tieAfterId }]
    : [{ propertyName: object.modified, operator: 'GTE', value: from }];
  return {
    filterGroups: [{ filters }],
    sorts: [{ propertyName: tie ? 'hs_object_id' : object.modified, direction: 'ASCENDING' }],
    properties: [...object.properties], limit: SEARCH_PAGE_LIMIT,
  };
}

/** Where the search goes after a page: on, into a same-millisecond walk, or to the archive. */
function nextState(state: ReadState, more: boolean, lastId: string | undefined, pageHigh: string | undefined): ReadState {
  const from = toMs(state.from!);
  if (state.tieAfterId !== undefined) {
    return more ? { ...state, tieAfterId: lastId } : { ...state, from: iso(from + 1), tieAfterId: undefined };
  }
  if (!more) return { ...state, phase: 'archived', after: undefined, from: undefined };
  // Results are sorted ascending, so the page's newest is its last; restart there, inclusive.
  if (pageHigh !== undefined && toMs(pageHigh) > from) return { ...state, from: pageHigh };
  return { ...state, tieAfterId: '0' };
}

export async function* searchPhase(ctx: ConnectorContext, object: HubspotObject, start: ReadState): AsyncGenerator<Step> {
  let state = start;
  while (state.phase === 'search') {
    await paceSearch(ctx);
    const body = unwrap(await ctx.http.request({
      method: 'POST', url: `/crm/v3/objects/${object.name}/search`, json: searchBody(object, state), schema: searchResponseSchema, signal: ctx.signal, replayable: true,
    }));
    const results = await withAssociations(ctx, object, body.results);
    let pageHigh: string | undefined;
    for (const r of results) pageHigh = raise(pageHigh, modifiedAt(object, r));
    const more = Boolean(body.paging?.next?.after) && results.length > 0;
    state = { ...nextState(state, more, results.at(-1)?.id, pageHigh), high: raise(state.high, pageHigh) };
    yield { records: results.map((r) => liveRecord(object, r)), state, done: false };
  }
}
