/**
 * `read(ctx, { cursor, mode })` for one Zendesk object, by the runner's cursor convention:
 * full reads export from `start_time=0`; incremental reads from the checkpoint minus the
 * lookback, and for tickets then walk the deleted-tickets list. Every page's cursor says where
 * the read stands; the last one carries the checkpoint the next incremental read starts from.
 */
import { ConnectorError } from '../../../src/core/index.js';
import type { ConnectorContext, Page, ReadOptions, SourceOperations } from '../../../src/registry/index.js';
import { finishedSince, startOf, type ReadState } from '../cursor.js';
import type { ExportResource } from '../resources.js';
import { cursorExport } from './cursor-export.js';
import { deletedTickets } from './deleted-tickets.js';
import type { Step } from './step.js';
import { timeExport } from './time-export.js';

function phaseOf(ctx: ConnectorContext, resource: ExportResource, state: ReadState): AsyncGenerator<Step> {
  if (state.phase === 'deleted') return deletedTickets(ctx, state);
  return resource.style === 'cursor' ? cursorExport(ctx, resource, state) : timeExport(ctx, resource, state);
}

async function* readObject(ctx: ConnectorContext, resource: ExportResource, options: ReadOptions): AsyncGenerator<Page> {
  const start = startOf(options.cursor, options.mode, Date.now());
  if ('nothing' in start) {
    yield { records: [], cursor: start.nothing, hasMore: false };
    return;
  }
  const { since } = start;
  let state = start.state;
  for (;;) {
    const phase = state.phase;
    for await (const step of phaseOf(ctx, resource, state)) {
      state = step.state;
      const lastPhase = state.phase === 'deleted' || !(resource.deletedList && state.mode === 'incremental');
      if (step.done && lastPhase) {
        yield { records: step.records, cursor: { since: finishedSince(state, since), of: state.mode }, hasMore: false };
        return;
      }
      if (step.done) state = { ...state, phase: 'deleted', deletedAfter: undefined };
      // `since` stays, so a platform that only knows datetime cursors restarts safely from it.
      yield { records: step.records, cursor: since === undefined ? { read: state } : { since, read: state }, hasMore: true };
    }
    // Each phase ends on a `done` step; one that stopped short would otherwise loop here.
    if (state.phase === phase) throw new ConnectorError(`the ${resource.object} ${phase} phase ended without its last page`, { kind: 'permanent', code: 'read_incomplete' });
  }
}

export function zendeskSource(resource: ExportResource): SourceOperations {
  return { deletes: resource.deletes, read: (ctx, options) => readObject(ctx, resource, options) };
}
