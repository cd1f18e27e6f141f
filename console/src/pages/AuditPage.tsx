import { api } from '../api.js';
import { Async } from '../components/Async.js';
import { DataTable } from '../components/DataTable.js';
import { EmptyState } from '../components/EmptyState.js';
import { JsonView } from '../components/JsonView.js';
import { PageHeader } from '../components/PageHeader.js';
import { Pager } from '../components/Pager.js';
import { Time } from '../components/Time.js';
import { useResource } from '../hooks.js';
import { useCursorPages } from '../hooks-paging.js';
import type { AuditEntry } from '../types.js';

const actorOf = (a: AuditEntry['actor']) => (typeof a === 'string' ? a : `${a.role?.replace(/_/g, ' ') ?? 'unknown'} · key ${a.keyId?.slice(0, 8) ?? '?'}`);

export function AuditPage() {
  const pages = useCursorPages<string | null>(null);
  const entries = useResource(() => api.audit({ limit: 50, cursor: pages.cursor }), [pages.cursor]);
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what, and when. Secret values are never recorded; they read [REDACTED]." />
      <Async resource={entries} what="Audit log">
        {(page) => (
          <>
            <DataTable
              caption="Audit entries, newest first"
              rows={page.items}
              rowKey={(a) => a.id}
              empty={<EmptyState icon="✎" title="Nothing audited yet">Every change made through the API or this console is recorded here.</EmptyState>}
              columns={[
                { header: 'When', render: (a) => <Time value={a.at} /> },
                { header: 'Action', render: (a) => <code>{a.action}</code> },
                { header: 'Actor', render: (a) => actorOf(a.actor) },
                { header: 'Target', render: (a) => <span className="mono small">{a.target ?? '—'}</span> },
                { header: 'Change', render: (a) => (a.diff ? <details><summary>diff</summary><JsonView value={a.diff} label={`Diff of ${a.action}`} /></details> : <span className="muted">—</span>) },
              ]}
            />
            {page.items.length > 0 ? <Pager page={pages.page} hasPrevious={pages.hasPrevious} hasNext={Boolean(page.nextCursor)} onPrevious={pages.previous} onNext={() => pages.next(page.nextCursor)} /> : null}
          </>
        )}
      </Async>
    </>
  );
}
