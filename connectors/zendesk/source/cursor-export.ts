/**
 * Cursor-based incremental exports (tickets, users): `?start_time=<from>` first, then
 * `?cursor=<after_cursor>` until `end_of_stream`. The loop is written out because Zendesk's stop
 * signal is `end_of_stream`, not a missing token: the last page still carries an `after_cursor`
 * (for the next export), which the declared `cursor_token` paginator would follow for ever.
 *
 * A resumed read continues from the page's saved `after_cursor`. Should Zendesk refuse that
 * cursor, the read restarts by time from its high-water mark minus the lookback: the export is
 * ordered by change time, so everything before that mark has been read already.
 */
import { ConnectorError, unwrap } from '../../../src/core/index.js';
import type { ConnectorContext } from '../../../src/registry/index.js';
import { LOOKBACK_MS, raise, type ReadState } from '../cursor.js';
import { EXPORT_PAGE_SIZE, type ExportResource } from '../resources.js';
import { toSourceRecord, type Step } from './step.js';

function restartFrom(state: ReadState): number {
  if (state.high === undefined) return state.from;
  return Math.max(state.from, Math.floor((Date.parse(state.high) - LOOKBACK_MS) / 1000));
}

export async function* cursorExport(ctx: ConnectorContext, resource: ExportResource, start: ReadState): AsyncGenerator<Step> {
  let state = start;
  let resumed = state.after !== undefined;
  for (;;) {
    const query = state.after ? { cursor: state.after, per_page: EXPORT_PAGE_SIZE } : { start_time: state.from, per_page: EXPORT_PAGE_SIZE };
    const response = await ctx.http.request({ url: resource.path, query, schema: resource.pageSchema!, signal: ctx.signal });
    if (resumed && !response.ok && response.error?.kind === 'validation') {
      ctx.logger.warn({ object: resource.object, error: response.error.message }, 'zendesk refused the saved export cursor; restarting from the high-water mark');
      state = { ...state, after: undefined, from: restartFrom(state) };
      resumed = false;
      continue;
    }
    resumed = false;
    const page = unwrap(response);
    let high = state.high;
    for (const record of page.items) high = raise(high, resource.changedAt(record));
    const next: ReadState = { ...state, high, after: page.after ?? state.after };
    yield { records: page.items.map((r) => toSourceRecord(resource, r)), state: next, done: page.end };
    if (page.end) return;
    if (!page.after) throw new ConnectorError(`zendesk answered a ${resource.object} export page without end_of_stream or after_cursor`, { kind: 'permanent', code: 'unexpected_response' });
    state = next;
  }
}
