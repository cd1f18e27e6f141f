/**
 * `read(ctx, { cursor, mode })` for one Dataverse table, by the runner's cursor convention. A
 * full read is a change-tracking read of the whole table; its last page brings the delta token
 * an incremental read asks from, which answers changed rows and deleted entries (tombstones).
 * Every page's cursor says where the read stands; the last one is the next read's checkpoint.
 */
import { ConnectorError, isConnectorError } from '../../../src/core/index.js';
import type { ConnectorContext, Page, ReadOptions, SourceOperations, SourceRecord } from '../../../src/registry/index.js';
import { fallbackOf, finished, parseCursor, raise, startOf, type DynamicsCursor, type ReadState } from '../cursor.js';
import type { DataverseEntity } from '../entities.js';
import { liveRecord, tombstone } from '../records.js';
import type { Page as DataversePage } from '../schemas.js';
import { pagesFrom } from './pages.js';

/** A stale page link or an expired delta token: Dataverse's 400 (or a 404/410 for a link). */
const refusedLink = (error: unknown) => isConnectorError(error) && (error.kind === 'validation' || error.kind === 'not_found');

function noChangeTracking(entity: DataverseEntity): ConnectorError {
  return new ConnectorError(
    `Dataverse answered the last page of ${entity.set} without a delta link: turn on "Track changes" for the ${entity.logicalName} table (Power Apps → Tables → ${entity.logicalName} → Properties → Advanced options)`,
    { kind: 'permanent', code: 'change_tracking_disabled' },
  );
}

/** The page's records (rows changed before `from` left out) and the new high-water mark. */
function recordsOf(entity: DataverseEntity, page: DataversePage, state: ReadState): { records: SourceRecord[]; high: string | undefined } {
  const from = state.from === undefined ? undefined : Date.parse(state.from);
  let high = state.high;
  const records: SourceRecord[] = [];
  for (const item of page.items) {
    if ('deleted' in item) {
      records.push(tombstone(item.deleted));
      continue;
    }
    const modified = typeof item.row.modifiedon === 'string' ? Date.parse(item.row.modifiedon) : undefined;
    if (from !== undefined && modified !== undefined && modified < from) continue;
    records.push(liveRecord(entity, item.row));
    high = raise(high, item.row.modifiedon);
  }
  return { records, high };
}

async function* readEntity(ctx: ConnectorContext, entity: DataverseEntity, options: ReadOptions): AsyncGenerator<Page> {
  let cursor: DynamicsCursor = parseCursor(options.cursor);
  for (;;) {
    const start = startOf(entity, cursor, options.mode, Date.now());
    if ('nothing' in start) {
      yield { records: [], cursor: start.nothing, hasMore: false };
      return;
    }
    let state = start.state;
    let answered = false;
    try {
      for await (const page of pagesFrom(ctx, entity, state.next)) {
        answered = true;
        const { records, high } = recordsOf(entity, page.body, state);
        if (page.body.next) {
          state = { ...state, next: page.body.next, ...(high ? { high } : {}) };
          yield { records, cursor: { ...start.base, read: state }, hasMore: true };
          continue;
        }
        if (!page.body.delta) throw noChangeTracking(entity);
        yield { records, cursor: finished({ ...state, ...(high ? { high } : {}) }, start.base, page.body.delta), hasMore: false };
        return;
      }
      return;
    } catch (error) {
      const fallback = !answered && refusedLink(error) ? fallbackOf(cursor) : undefined;
      if (!fallback) throw error;
      ctx.logger.warn({ object: entity.set, error: (error as Error).message }, cursor.read
        ? 'dataverse refused the saved page link; starting the read again'
        : 'dataverse refused the delta token (expired?); reading the table again from the datetime checkpoint, deletions in between are not seen');
      cursor = fallback;
    }
  }
}

export function dynamicsSource(entity: DataverseEntity): SourceOperations {
  return { deletes: 'feed', read: (ctx, options) => readEntity(ctx, entity, options) };
}
