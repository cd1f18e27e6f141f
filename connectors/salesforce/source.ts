/**
 * The source side of an sObject. Full read: every live record, then the Recycle Bin as
 * tombstones. Incremental read: what changed since the checkpoint, then what was deleted since.
 * Deletes come from Salesforce's own Recycle Bin through queryAll: `deletes: 'feed'`.
 */
import type { ConnectorContext, Page, ReadOptions, SourceOperations } from '../../src/registry/index.js';
import { finishedSince, startingState, type ReadState } from './cursor.js';
import type { SObject } from './objects.js';
import { queryPhase } from './query-phase.js';

async function* readObject(ctx: ConnectorContext, object: SObject, options: ReadOptions): AsyncGenerator<Page> {
  const start = startingState(options.cursor, options.mode, new Date());
  if (start.kind === 'finished') return yield { records: [], cursor: start.cursor, hasMore: false };
  const { since } = start;
  let state: ReadState = start.state;
  for (;;) {
    for await (const step of queryPhase(ctx, object, state)) {
      state = step.state;
      if (step.done) return yield { records: step.records, cursor: { since: finishedSince(state, since) }, hasMore: false };
      // `since` rides along so a platform that only knows datetime cursors restarts an
      // interrupted incremental read from its checkpoint, which is safe.
      yield { records: step.records, cursor: since === undefined ? { read: state } : { since, read: state }, hasMore: true };
    }
  }
}

export function salesforceSource(object: SObject): SourceOperations {
  return { deletes: 'feed', read: (ctx, options) => readObject(ctx, object, options) };
}
