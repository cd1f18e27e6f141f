import { api } from '../api.js';
import { Async } from '../components/Async.js';
import { DataTable } from '../components/DataTable.js';
import { EmptyState } from '../components/EmptyState.js';
import { NeedsWorkspace } from '../components/NeedsWorkspace.js';
import { PageHeader } from '../components/PageHeader.js';
import { Pager } from '../components/Pager.js';
import { RecordSummary } from '../components/RecordSummary.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Time } from '../components/Time.js';
import { useResource } from '../hooks.js';
import { useCursorPages } from '../hooks-paging.js';
import { Link } from '../router.js';
import type { Workspace } from '../types.js';

const LIMIT = 25;

function ChangeTable({ workspace }: { workspace: Workspace }) {
  const pages = useCursorPages<number>(0);
  const changes = useResource(() => api.changes(workspace.id, pages.cursor, LIMIT), [workspace.id, pages.cursor]);
  return (
    <Async resource={changes} what="Change log">
      {(page) => (
        <>
          <DataTable
            caption="Change events in sequence order"
            rows={page.items}
            rowKey={(c) => c.seq}
            empty={<EmptyState icon="≡" title={pages.page > 1 ? 'No more changes' : 'No changes yet'}>Every insert, update and delete a sync stores is appended here, in order.</EmptyState>}
            columns={[
              { header: 'Seq', numeric: true, render: (c) => <span className="mono">{c.seq}</span> },
              { header: 'Change', render: (c) => <StatusBadge status={c.op} /> },
              { header: 'Object', render: (c) => <>{c.object}<span className="muted small"> → {c.canonicalType}</span></> },
              { header: 'External id', render: (c) => <span className="mono">{c.externalId}</span> },
              { header: 'Data', render: (c) => <RecordSummary data={c.data} label={`Change ${c.seq}`} /> },
              { header: 'Run', render: (c) => (c.runId ? <Link to={`/runs/${c.runId}`} className="mono">{c.runId.slice(0, 8)}</Link> : <span className="muted">—</span>) },
              { header: 'When', render: (c) => <Time value={c.createdAt} /> },
            ]}
          />
          {page.items.length > 0 || pages.page > 1 ? (
            <Pager page={pages.page} hasPrevious={pages.hasPrevious} hasNext={page.items.length === LIMIT} onPrevious={pages.previous} onNext={() => pages.next(page.nextAfter)} />
          ) : null}
        </>
      )}
    </Async>
  );
}

export function ChangesPage() {
  return (
    <>
      <PageHeader title="Change log" description="An ordered log of every change streamed in. Consumers read it with ?after=<seq>." />
      <NeedsWorkspace>{(workspace) => <ChangeTable workspace={workspace} />}</NeedsWorkspace>
    </>
  );
}
