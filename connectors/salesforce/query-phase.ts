/**
 * One phase of a read, as SOQL paged by the declared `next_url` paginator (`nextRecordsUrl`):
 * - live: `GET /query?q=SELECT … FROM Contact [WHERE SystemModstamp >= from] ORDER BY
 *   SystemModstamp, Id` — every record not in the Recycle Bin;
 * - deleted: `GET /queryAll?q=… WHERE IsDeleted = true …` — the Recycle Bin, as tombstones.
 * A resumed phase adds `(SystemModstamp > at OR (SystemModstamp = at AND Id > id))`, the keyset
 * of the last record committed, so it starts exactly after it with a fresh query locator.
 */
import type { ConnectorContext, SourceRecord } from '../../src/registry/index.js';
import { paginate, type PaginatorSpec } from '../../src/stream/index.js';
import { raise, type ReadState } from './cursor.js';
import { MODSTAMP, QUERY_BATCH_SIZE, selectedFields, type SObject } from './objects.js';
import { sourceRecord } from './records.js';
import { queryResultSchema } from './schemas.js';
import { quote, select, soqlDatetime } from './soql.js';
import { DATA_PATH } from './version.js';

export interface Step {
  records: SourceRecord[];
  /** Where the read stands after this page. */
  state: ReadState;
  /** True on the read's last page. */
  done: boolean;
}

const NEXT_RECORDS: PaginatorSpec = { type: 'next_url', nextUrlPath: 'nextRecordsUrl' };

export function phaseQuery(object: SObject, fields: readonly string[], state: ReadState): string {
  const where: string[] = [];
  if (state.phase === 'deleted') where.push('IsDeleted = true');
  if (state.from) where.push(`${MODSTAMP} >= ${soqlDatetime(state.from)}`);
  if (state.after) {
    const at = soqlDatetime(state.after.at);
    where.push(`${MODSTAMP} > ${at} OR (${MODSTAMP} = ${at} AND Id > ${quote(state.after.id)})`);
  }
  return select({ type: object.type, fields, where, orderBy: `${MODSTAMP}, Id` });
}

export async function* queryPhase(ctx: ConnectorContext, object: SObject, state: ReadState): AsyncGenerator<Step> {
  const deleted = state.phase === 'deleted';
  const q = phaseQuery(object, selectedFields(object, ctx.config), state);
  const pages = paginate(ctx, {
    request: { url: `${DATA_PATH}/${deleted ? 'queryAll' : 'query'}`, query: { q }, headers: { 'Sforce-Query-Options': `batchSize=${QUERY_BATCH_SIZE}` } },
    paginator: NEXT_RECORDS, recordsPath: 'records', schema: queryResultSchema,
  });
  let { high, after } = state;
  for await (const page of pages) {
    const records = page.body.records.map((r) => sourceRecord(object, r, deleted));
    for (const record of records) high = raise(high, record.cursorValue as string | undefined);
    const last = records.at(-1);
    if (last?.cursorValue && !Number.isNaN(Date.parse(String(last.cursorValue)))) after = { at: String(last.cursorValue), id: last.id };
    const here: ReadState = { ...state, high, after };
    if (page.next) yield { records, state: here, done: false };
    else if (deleted) yield { records, state: here, done: true };
    else yield { records, state: { ...here, phase: 'deleted', after: undefined }, done: false };
  }
}
