import { api } from '../api.js';
import { Async } from '../components/Async.js';
import { DataTable } from '../components/DataTable.js';
import { EmptyState } from '../components/EmptyState.js';
import { NeedsWorkspace } from '../components/NeedsWorkspace.js';
import { PageHeader } from '../components/PageHeader.js';
import { Pager } from '../components/Pager.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Time } from '../components/Time.js';
import { useResource } from '../hooks.js';
import { useCursorPages } from '../hooks-paging.js';
import { Link } from '../router.js';
import type { Workspace } from '../types.js';

function LoadList({ workspace }: { workspace: Workspace }) {
  const pages = useCursorPages<string | null>(null);
  const loads = useResource(() => api.loads(workspace.id, { limit: 25, cursor: pages.cursor }), [workspace.id, pages.cursor]);
  return (
    <Async resource={loads} what="Loads">
      {(page) => (
        <>
          <DataTable
            caption="Loads, newest first"
            rows={page.items}
            rowKey={(l) => l.id}
            empty={<EmptyState icon="⇪" title="No loads yet" action={<Link to="/loads/new" className="btn btn-primary">New load</Link>}>A load writes records into a connected system, verifies them, and can be rolled back.</EmptyState>}
            columns={[
              { header: 'Load', render: (l) => <Link to={`/loads/${l.id}`} className="mono">{l.id.slice(0, 8)}</Link> },
              { header: 'Object', render: (l) => l.object },
              { header: 'Status', render: (l) => <>{l.dryRun ? <span className="badge badge-muted">dry run</span> : null} <StatusBadge status={l.status} /></> },
              { header: 'Records', numeric: true, render: (l) => l.report.counts.total },
              { header: 'Written', numeric: true, render: (l) => l.report.written },
              { header: 'Verified', numeric: true, render: (l) => l.report.verified },
              { header: 'Created', render: (l) => <Time value={l.createdAt} /> },
            ]}
          />
          {page.items.length > 0 ? <Pager page={pages.page} hasPrevious={pages.hasPrevious} hasNext={Boolean(page.nextCursor)} onPrevious={pages.previous} onNext={() => pages.next(page.nextCursor)} /> : null}
        </>
      )}
    </Async>
  );
}

export function LoadsPage() {
  return (
    <>
      <PageHeader title="Loads" description="Records written into connected systems, with their verification and rollback reports." actions={<Link to="/loads/new" className="btn btn-primary">New load</Link>} />
      <NeedsWorkspace>{(workspace) => <LoadList workspace={workspace} />}</NeedsWorkspace>
    </>
  );
}
