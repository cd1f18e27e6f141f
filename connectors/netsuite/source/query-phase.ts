/**
 * One phase of a read as SuiteQL, a page at a time:
 * - live: `SELECT … FROM contact [WHERE lastmodifieddate >= from] ORDER BY lastmodifieddate, id`
 * - deleted: `SELECT … FROM deletedrecord WHERE LOWER(type) = 'contact' [AND deleteddate >= from]
 *   ORDER BY deleteddate, recordid` (the deletion log, as tombstones).
 * Each page is a fresh query starting strictly after the last row read (a keyset), always at
 * offset 0. The declared offset paginator does not fit: offsets over rows ordered by a time that
 * moves skip a row whenever an earlier one is edited mid-read, and NetSuite pages through no more
 * than 100,000 results without SuiteAnalytics Connect (section_156414087576).
 */
import { ConnectorError, unwrap } from '../../../src/core/index.js';
import type { ConnectorContext, SourceRecord } from '../../../src/registry/index.js';
import { raise, type ReadState } from '../cursor.js';
import { MODIFIED, PAGE_SIZE, type NsObject } from '../objects.js';
import { suiteqlPageSchema } from '../schemas.js';
import { after, asText, quote, selectList, SUITEQL_PATH, timestamp } from '../suiteql.js';
import { deletedRecord, liveRecord } from './records.js';

export interface Step {
  records: SourceRecord[];
  state: ReadState;
  /** The read's last page. */
  done: boolean;
}

export function phaseQuery(object: NsObject, state: ReadState): string {
  const where: string[] = [];
  if (state.phase === 'live') {
    const [at, id] = [`${object.type}.${MODIFIED}`, `${object.type}.id`];
    if (state.from) where.push(`${at} >= ${timestamp(state.from)}`);
    if (state.after) where.push(after(at, id, state.after.at, state.after.id));
    return `SELECT ${selectList(object)} FROM ${object.type}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${at}, ${id}`;
  }
  const [at, id] = ['deletedrecord.deleteddate', 'deletedrecord.recordid'];
  where.push(`LOWER(deletedrecord.type) = ${quote(object.type)}`);
  if (state.from) where.push(`${at} >= ${timestamp(state.from)}`);
  if (state.after) where.push(after(at, id, state.after.at, state.after.id));
  const columns = ['deletedrecord.recordid', 'deletedrecord.name', 'deletedrecord.externalid', asText('deletedrecord', 'deleteddate')].join(', ');
  return `SELECT ${columns} FROM deletedrecord WHERE ${where.join(' AND ')} ORDER BY ${at}, ${id}`;
}

export async function* queryPhase(ctx: ConnectorContext, object: NsObject, start: ReadState): AsyncGenerator<Step> {
  let state = start;
  for (;;) {
    const deleted = state.phase === 'deleted';
    const body = unwrap(await ctx.http.request({
      method: 'POST', url: SUITEQL_PATH, query: { limit: PAGE_SIZE, offset: 0 }, headers: { Prefer: 'transient' },
      json: { q: phaseQuery(object, state) }, schema: suiteqlPageSchema, signal: ctx.signal,
      // A query only reads: safe to send again after a timeout.
      replayable: true,
    }));
    const records = body.items.map((item) => (deleted ? deletedRecord(item) : liveRecord(object, item)));
    const last = records.at(-1);
    let high = state.high;
    if (!deleted) for (const record of records) high = raise(high, record.cursorValue as string);
    const here: ReadState = { ...state, high, after: last ? { at: String(last.cursorValue), id: last.id } : state.after };
    if (body.hasMore) {
      if (!last) throw new ConnectorError(`netsuite answered an empty ${object.type} page that claims more rows`, { kind: 'permanent', code: 'read_stuck' });
      yield { records, state: here, done: false };
      state = here;
      continue;
    }
    if (deleted) return yield { records, state: here, done: true };
    // The live rows are all read: the deletion log comes next, from the same lower bound.
    state = { ...here, phase: 'deleted', after: undefined };
    yield { records, state, done: false };
  }
}
