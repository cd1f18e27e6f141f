import { useState } from 'react';
import { api } from '../api.js';
import { useResource, type Resource } from '../hooks.js';
import { Link, navigate } from '../router.js';
import type { Run, Stream } from '../types.js';
import { Async } from './Async.js';
import { DataTable } from './DataTable.js';
import { EmptyState } from './EmptyState.js';
import { Notice } from './Notice.js';
import { RunCounts } from './RunCounts.js';
import { ScheduleForm } from './ScheduleForm.js';
import { StatusBadge } from './StatusBadge.js';
import { Time } from './Time.js';

/** A connection's streams: schedule, last run, and "sync now" (which opens the run to watch it). */
export function StreamsPanel({ workspaceId, connectionId, streams }: { workspaceId: string; connectionId: string; streams: Resource<Stream[]> }) {
  const runs = useResource(() => api.runs(workspaceId, { connectionId, limit: 50 }).then((p) => p.items).catch(() => [] as Run[]), [workspaceId, connectionId]);
  const [error, setError] = useState<string>();
  const [starting, setStarting] = useState<string>();
  const lastRun = (s: Stream) => runs.data?.find((r) => r.streamId === s.id || (r.object === s.object && r.connectionId === connectionId));

  const sync = async (stream: Stream, mode: 'incremental' | 'full') => {
    setStarting(stream.object);
    setError(undefined);
    try {
      const run = await api.syncNow(workspaceId, connectionId, stream.object, mode);
      navigate(`/runs/${run.id}`);
    } catch (e) {
      setError((e as Error).message);
      setStarting(undefined);
    }
  };

  return (
    <section className="card" aria-labelledby="streams-title">
      <h2 id="streams-title">Streams</h2>
      {error ? <Notice tone="error" onDismiss={() => setError(undefined)}>{error}</Notice> : null}
      <Async resource={streams} what="Streams">
        {(rows) => (
          <DataTable
            caption="Streams of this connection"
            rows={rows}
            rowKey={(s) => s.id}
            empty={<EmptyState icon="≋" title="No streams">This connector reads no objects; it can still be a load destination.</EmptyState>}
            columns={[
              { header: 'Object', render: (s) => <><strong>{s.object}</strong>{s.canonical ? <span className="muted small"> → {s.canonical}</span> : null}</> },
              { header: 'Schedule (UTC)', render: (s) => <ScheduleForm workspaceId={workspaceId} stream={s} onSaved={() => streams.reload()} /> },
              {
                header: 'Last run',
                render: (s) => {
                  const run = lastRun(s);
                  if (s.running) return <StatusBadge status="running" />;
                  return run ? <Link to={`/runs/${run.id}`} className="run-link"><StatusBadge status={run.status} /> <Time value={run.finishedAt ?? run.createdAt} /> <RunCounts run={run} /></Link> : <span className="muted">never</span>;
                },
              },
              { header: 'Next run', render: (s) => (s.enabled ? <Time value={s.nextRunAt} /> : <span className="muted">paused</span>) },
              {
                header: 'Actions',
                render: (s) => (
                  <div className="button-row">
                    <button type="button" className="btn btn-primary btn-small" onClick={() => sync(s, 'incremental')} disabled={starting !== undefined || s.running}>
                      {starting === s.object ? 'Starting…' : <>Sync now<span className="sr-only"> {s.object}</span></>}
                    </button>
                    <button type="button" className="btn btn-small" onClick={() => sync(s, 'full')} disabled={starting !== undefined || s.running} title="Re-read everything and detect deletes">Full sync<span className="sr-only"> {s.object}</span></button>
                  </div>
                ),
              },
            ]}
          />
        )}
      </Async>
    </section>
  );
}
