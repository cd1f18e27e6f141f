/**
 * The source side of a NetSuite record type. Full read: every live row, then the deletion log's
 * rows of that type as tombstones. Incremental read: what was modified since the checkpoint minus
 * the lookback, then what was deleted in the same window. Deletes come from NetSuite's own
 * `DeletedRecord` table: `deletes: 'feed'`.
 */
import type { ConnectorContext, Page, ReadOptions, SourceOperations } from '../../../src/registry/index.js';
import { finishedSince, startingState, type ReadState } from '../cursor.js';
import type { NsObject } from '../objects.js';
import { queryPhase } from './query-phase.js';

async function* readObject(ctx: ConnectorContext, object: NsObject, options: ReadOptions): AsyncGenerator<Page> {
  const start = startingState(options.cursor, options.mode, new Date());
  if (start.kind === 'finished') return yield { records: [], cursor: start.cursor, hasMore: false };
  const { since } = start;
  let state: ReadState = start.state;
  for await (const step of queryPhase(ctx, object, state)) {
    state = step.state;
    if (step.done) return yield { records: step.records, cursor: { since: finishedSince(state, since) }, hasMore: false };
    // `since` rides along, so a platform that only knows datetime cursors restarts safely from it.
    yield { records: step.records, cursor: since ? { since, read: state } : { read: state }, hasMore: true };
  }
}

export function netsuiteSource(object: NsObject): SourceOperations {
  return { deletes: 'feed', read: (ctx, options) => readObject(ctx, object, options) };
}
