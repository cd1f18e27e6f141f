/**
 * The source side of a HubSpot object. Full read: every live record (list endpoint), then the
 * archive as tombstones. Incremental read: search for what changed since the checkpoint, then
 * what was archived since. Deletes come from HubSpot's own archive: `deletes: 'feed'`.
 */
import type { ConnectorContext, Page, ReadOptions, SourceOperations } from '../../src/registry/index.js';
import { finishedSince, startingState, type ReadState } from './cursor.js';
import { listPhase } from './list-phase.js';
import type { HubspotObject } from './objects.js';
import { searchPhase } from './search-phase.js';

async function* readObject(ctx: ConnectorContext, object: HubspotObject, options: ReadOptions): AsyncGenerator<Page> {
  const { state: start, since } = startingState(options.cursor, options.mode, new Date());
  let state: ReadState = start;
  for (;;) {
    const steps = state.phase === 'search' ? searchPhase(ctx, object, state) : listPhase(ctx, object, state);
    for await (const step of steps) {
      state = step.state;
      if (step.done) {
        yield { records: step.records, cursor: { since: finishedSince(state, since) }, hasMore: false };
        return;
      }
      // A resumable position; `since` stays so a platform that only knows datetime cursors
      // restarts an interrupted incremental read from its checkpoint, which is safe.
      yield { records: step.records, cursor: since === undefined ? { read: state } : { since, read: state }, hasMore: true };
    }
  }
}

export function hubspotSource(object: HubspotObject): SourceOperations {
  return { deletes: 'feed', read: (ctx, options) => readObject(ctx, object, options) };
}
