import { api, type RecordType } from '../api.js';
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
import { navigate, useLocation } from '../router.js';
import type { Workspace } from '../types.js';

const TYPES: Array<{ type: RecordType; label: string }> = [
  { type: 'persons', label: 'People' },
  { type: 'accounts', label: 'Accounts' },
  { type: 'activities', label: 'Activities' },
];

function RecordTable({ workspace, type, q }: { workspace: Workspace; type: RecordType; q: string }) {
  const pages = useCursorPages<string | null>(null);
  const records = useResource(() => api.records(workspace.id, type, { limit: 25, cursor: pages.cursor, q: q.trim() || undefined }), [workspace.id, type, pages.cursor, q]);
  return (
    <Async resource={records} what="Records">
      {(page) => (
        <>
          <DataTable
            caption={`Canonical ${type}`}
            rows={page.items}
            rowKey={(r) => `${r.object}:${r.externalId}`}
            empty={q ? <EmptyState icon="⌕" title="No record matches">Nothing matches “{q}”.</EmptyState> : <EmptyState icon="☰" title={`No ${TYPES.find((t) => t.type === type)?.label.toLowerCase()} yet`}>Records appear here after a connection's streams sync.</EmptyState>}
            columns={[
              { header: 'External id', render: (r) => <span className="mono">{r.externalId}</span> },
              { header: 'Object', render: (r) => r.object },
              { header: 'Record', render: (r) => <RecordSummary data={r.data} label={`Record ${r.externalId}`} /> },
              { header: 'Updated', render: (r) => <Time value={r.updatedAt} /> },
              { header: 'State', render: (r) => (r.deletedAt ? <StatusBadge status="delete" /> : <span className="muted">live</span>) },
            ]}
          />
          {page.items.length > 0 ? <Pager page={pages.page} hasPrevious={pages.hasPrevious} hasNext={Boolean(page.nextCursor)} onPrevious={pages.previous} onNext={() => pages.next(page.nextCursor)} /> : null}
        </>
      )}
    </Async>
  );
}

export function RecordsPage() {
  const { search } = useLocation();
  const type = (TYPES.find((t) => t.type === search.get('type'))?.type ?? 'persons');
  const q = search.get('q') ?? '';
  const go = (next: { type?: RecordType; q?: string }) => {
    const params = new URLSearchParams({ type: next.type ?? type, q: next.q ?? q });
    if (!params.get('q')) params.delete('q');
    navigate(`/records?${params}`, { replace: true });
  };
  return (
    <>
      <PageHeader title="Records" description="The canonical records every connection's streams keep up to date." />
      <div className="toolbar">
        <div className="segmented" role="group" aria-label="Record type">
          {TYPES.map((t) => (
            <button key={t.type} type="button" className="segment" aria-pressed={t.type === type} onClick={() => go({ type: t.type })}>{t.label}</button>
          ))}
        </div>
        <div className="toolbar-field grow" role="search">
          <label htmlFor="records-search">Search</label>
          <input id="records-search" type="search" value={q} onChange={(e) => go({ q: e.target.value })} placeholder="Email, name or domain" />
        </div>
      </div>
      <NeedsWorkspace>{(workspace) => <RecordTable key={`${type}:${q}`} workspace={workspace} type={type} q={q} />}</NeedsWorkspace>
    </>
  );
}
