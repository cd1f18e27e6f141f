/**
 * Time-based incremental export (organizations): `?start_time=` and then each page's `end_time`,
 * until `end_of_stream`. Zendesk restarts at `end_time` inclusive, so the records of that second
 * come again; the ids read in that second ride in the read state and are not yielded twice.
 * Written out rather than declared because `next_page` is present on the last page too.
 *
 * One case cannot progress: a full page whose records all share the second it started from.
 * Skipping that second could lose records, so the read stops with a clear error instead.
 */
import { ConnectorError, unwrap } from '../../../src/core/index.js';
import type { ConnectorContext } from '../../../src/registry/index.js';
import { raise, type ReadState } from '../cursor.js';
import { EXPORT_PAGE_SIZE, type ExportResource } from '../resources.js';
import { timeExportSchema } from '../schemas.js';
import { toSourceRecord, type Step } from './step.js';

const secondOf = (resource: ExportResource, record: Record<string, unknown>) => {
  const at = resource.changedAt(record);
  return typeof at === 'number' ? at : Math.floor(Date.parse(String(at)) / 1000);
};

export async function* timeExport(ctx: ConnectorContext, resource: ExportResource, start: ReadState): AsyncGenerator<Step> {
  let state = start;
  for (;;) {
    const startTime = state.startTime ?? state.from;
    const page = unwrap(await ctx.http.request({
      url: resource.path, query: { start_time: startTime, per_page: EXPORT_PAGE_SIZE }, schema: timeExportSchema, signal: ctx.signal,
    }));
    const items = page.organizations as Array<Record<string, unknown>>;
    const seen = new Set(state.startTime === undefined ? [] : state.seen ?? []);
    const fresh = items.filter((r) => !(secondOf(resource, r) === startTime && seen.has(String(r.id))));
    let high = state.high;
    for (const record of fresh) high = raise(high, resource.changedAt(record));
    const atEnd = items.filter((r) => secondOf(resource, r) === page.end_time).map((r) => String(r.id));
    const next: ReadState = { ...state, high, startTime: page.end_time, seen: page.end_time === startTime ? [...new Set([...seen, ...atEnd])] : atEnd };
    yield { records: fresh.map((r) => toSourceRecord(resource, r)), state: next, done: page.end_of_stream };
    if (page.end_of_stream) return;
    if (page.end_time <= startTime) {
      throw new ConnectorError(`more than ${EXPORT_PAGE_SIZE} ${resource.object} changed in the second ${startTime}; the time-based export cannot page past it`, { kind: 'permanent', code: 'export_stuck' });
    }
    state = next;
  }
}
