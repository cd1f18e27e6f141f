import { api } from '../api.js';
import { Async } from '../components/Async.js';
import { DataTable } from '../components/DataTable.js';
import { ErrorState } from '../components/ErrorState.js';
import { NeedsWorkspace } from '../components/NeedsWorkspace.js';
import { Notice } from '../components/Notice.js';
import { PageHeader } from '../components/PageHeader.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { Stat, Stats } from '../components/Stat.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Time } from '../components/Time.js';
import { usePolling, useResource } from '../hooks.js';
import { Link } from '../router.js';
import type { Run, Workspace } from '../types.js';

const active = (run: Run | undefined) => run?.status === 'queued' || run?.status === 'running';

function duration(run: Run): string {
  if (!run.startedAt) return '—';
  const ms = new Date(run.finishedAt ?? Date.now()).getTime() - new Date(run.startedAt).getTime();
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function RunDetail({ workspace, runId }: { workspace: Workspace; runId: string }) {
  const run = useResource(() => api.run(workspace.id, runId), [workspace.id, runId]);
  const finished = run.data && !active(run.data);
  const rejected = useResource(
    () => (finished && run.data!.stats.errors > 0 ? api.deadLetters(workspace.id, { runId, limit: 100 }).then((p) => p.items.filter((d) => !d.runId || d.runId === runId)) : Promise.resolve([])),
    [workspace.id, runId, finished],
  );
  // Live progress: poll once a second while the run is queued or running.
  usePolling(run.reload, 1000, active(run.data));

  return (
    <Async resource={run} what="Run">
      {(r) => (
        <>
          <PageHeader
            title={`${r.mode === 'full' ? 'Full' : 'Incremental'} sync of ${r.object}`}
            badge={<StatusBadge status={r.status} />}
            description={<>Run <span className="mono">{r.id}</span> · queued <Time value={r.createdAt} /></>}
            actions={<Link to={`/connections/${r.connectionId}`} className="btn btn-ghost">← Connection</Link>}
          />
          {active(r) ? <ProgressBar label={r.status === 'queued' ? 'Waiting for a worker…' : `Reading pages: ${r.pages} page${r.pages === 1 ? '' : 's'}, ${r.records} records so far`} /> : null}
          {r.status === 'succeeded' ? <Notice tone="success">The run finished in {duration(r)}: {r.records} records read from {r.pages} page{r.pages === 1 ? '' : 's'}.</Notice> : null}
          {r.error ? (
            <Notice tone="error">
              <strong>The run failed ({r.error.kind}{r.error.status ? `, HTTP ${r.error.status}` : ''}).</strong> {r.error.message}
              {r.error.fields.length > 0 ? <ul className="error-list">{r.error.fields.map((f, i) => <li key={i}><code>{f.field}</code> {f.message}</li>)}</ul> : null}
            </Notice>
          ) : null}
          <Stats>
            <Stat label="Records read" value={r.records} />
            <Stat label="Created" value={r.stats.created} tone="good" />
            <Stat label="Updated" value={r.stats.updated} />
            <Stat label="Deleted" value={r.stats.deleted} />
            <Stat label="Rejected" value={r.stats.errors} tone={r.stats.errors > 0 ? 'bad' : undefined} />
            <Stat label="Duration" value={duration(r)} />
          </Stats>
          {r.stats.errors > 0 ? (
            <section className="card" aria-labelledby="rejected-title">
              <h2 id="rejected-title">Rejected records</h2>
              {rejected.error ? <ErrorState error={rejected.error} what="Dead letters" /> : (
                <DataTable
                  caption="Records this run rejected"
                  rows={rejected.data ?? []}
                  rowKey={(d) => d.id}
                  columns={[
                    { header: 'Record', render: (d) => <span className="mono">{d.externalId ?? '—'}</span> },
                    { header: 'Reason', render: (d) => d.reason },
                    { header: 'Offending fields', render: (d) => <ul className="error-list">{d.fields.map((f, i) => <li key={i}><code>{f.field}</code> {f.message}</li>)}</ul> },
                  ]}
                />
              )}
              <Link to="/dead-letters">All dead letters →</Link>
            </section>
          ) : null}
        </>
      )}
    </Async>
  );
}

export function RunPage({ runId }: { runId: string }) {
  return <NeedsWorkspace>{(workspace) => <RunDetail workspace={workspace} runId={runId} />}</NeedsWorkspace>;
}
