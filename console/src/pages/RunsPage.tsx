import { api } from '../api.js';
import { Async } from '../components/Async.js';
import { DataTable } from '../components/DataTable.js';
import { EmptyState } from '../components/EmptyState.js';
import { NeedsWorkspace } from '../components/NeedsWorkspace.js';
import { PageHeader } from '../components/PageHeader.js';
import { Pager } from '../components/Pager.js';
import { RunCounts } from '../components/RunCounts.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Time } from '../components/Time.js';
import { usePolling, useResource } from '../hooks.js';
import { useCursorPages } from '../hooks-paging.js';
import { Link } from '../router.js';
import type { Workspace } from '../types.js';

function RunList({ workspace }: { workspace: Workspace }) {
  const pages = useCursorPages<string | null>(null);
  const runs = useResource(() => api.runs(workspace.id, { limit: 25, cursor: pages.cursor }), [workspace.id, pages.cursor]);
  usePolling(runs.reload, 3000, Boolean(runs.data?.items.some((r) => r.status === 'running' || r.status === 'queued')));
  return (
    <Async resource={runs} what="Runs">
      {(page) => (
        <>
          <DataTable
            caption="Sync runs, newest first"
            rows={page.items}
            rowKey={(r) => r.id}
            empty={<EmptyState icon="↻" title="No runs yet" action={<Link to="/connections" className="btn">Go to connections</Link>}>Runs appear when a stream syncs on its schedule or when you press “Sync now”.</EmptyState>}
            columns={[
              { header: 'Run', render: (r) => <Link to={`/runs/${r.id}`} className="mono">{r.id.slice(0, 8)}</Link> },
              { header: 'Object', render: (r) => r.object },
              { header: 'Mode', render: (r) => r.mode },
              { header: 'Status', render: (r) => <StatusBadge status={r.status} /> },
              { header: 'Records', numeric: true, render: (r) => r.records },
              { header: 'Changes', render: (r) => <RunCounts run={r} /> },
              { header: 'Started', render: (r) => <Time value={r.startedAt ?? r.createdAt} /> },
            ]}
          />
          {page.items.length > 0 ? <Pager page={pages.page} hasPrevious={pages.hasPrevious} hasNext={Boolean(page.nextCursor)} onPrevious={pages.previous} onNext={() => pages.next(page.nextCursor)} /> : null}
        </>
      )}
    </Async>
  );
}

export function RunsPage() {
  return (
    <>
      <PageHeader title="Runs" description="Every sync run of this workspace: what it read, what changed, what was rejected." />
      <NeedsWorkspace>{(workspace) => <RunList workspace={workspace} />}</NeedsWorkspace>
    </>
  );
}
