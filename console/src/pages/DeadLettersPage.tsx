import { useState } from 'react';
import { api } from '../api.js';
import { Async } from '../components/Async.js';
import { DataTable } from '../components/DataTable.js';
import { EmptyState } from '../components/EmptyState.js';
import { NeedsWorkspace } from '../components/NeedsWorkspace.js';
import { Notice } from '../components/Notice.js';
import { PageHeader } from '../components/PageHeader.js';
import { Pager } from '../components/Pager.js';
import { Time } from '../components/Time.js';
import { useResource } from '../hooks.js';
import { useCursorPages } from '../hooks-paging.js';
import { Link } from '../router.js';
import type { DeadLetter, Workspace } from '../types.js';

function DeadLetterTable({ workspace }: { workspace: Workspace }) {
  const pages = useCursorPages<string | null>(null);
  const letters = useResource(() => api.deadLetters(workspace.id, { limit: 25, cursor: pages.cursor }), [workspace.id, pages.cursor]);
  const [replaying, setReplaying] = useState<string>();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();

  const replay = async (d: DeadLetter) => {
    setReplaying(d.id);
    setNotice(undefined);
    try {
      const result = await api.replay(workspace.id, d.id);
      setNotice({ tone: 'success', text: `Replayed ${d.externalId ?? d.id}: ${result.outcome}.` });
      letters.reload();
    } catch (e) {
      setNotice({ tone: 'error', text: `Replay of ${d.externalId ?? d.id} failed. ${(e as Error).message}` });
    } finally {
      setReplaying(undefined);
    }
  };

  return (
    <>
      {notice ? <Notice tone={notice.tone} onDismiss={() => setNotice(undefined)}>{notice.text}</Notice> : null}
      <Async resource={letters} what="Dead letters">
        {(page) => (
          <>
            <DataTable
              caption="Rejected records"
              rows={page.items}
              rowKey={(d) => d.id}
              empty={<EmptyState icon="✓" title="No dead letters">Records a sync rejects (missing required fields, values of the wrong type) wait here to be fixed and replayed.</EmptyState>}
              columns={[
                { header: 'Record', render: (d) => <><span className="mono">{d.externalId ?? '—'}</span><div className="muted small">{d.object}</div></> },
                { header: 'Reason', render: (d) => d.reason },
                { header: 'Offending fields', render: (d) => (d.fields.length ? <ul className="error-list">{d.fields.map((f, i) => <li key={i}><code>{f.field}</code> {f.message}</li>)}</ul> : <span className="muted">—</span>) },
                { header: 'Run', render: (d) => (d.runId ? <Link to={`/runs/${d.runId}`} className="mono">{d.runId.slice(0, 8)}</Link> : <span className="muted">—</span>) },
                { header: 'When', render: (d) => <Time value={d.createdAt} /> },
                {
                  header: 'Replay',
                  render: (d) => (d.replayedAt ? <span className="muted small">replayed <Time value={d.replayedAt} /></span> : (
                    <button type="button" className="btn btn-small" onClick={() => replay(d)} disabled={replaying !== undefined}>{replaying === d.id ? 'Replaying…' : 'Replay'}</button>
                  )),
                },
              ]}
            />
            {page.items.length > 0 ? <Pager page={pages.page} hasPrevious={pages.hasPrevious} hasNext={Boolean(page.nextCursor)} onPrevious={pages.previous} onNext={() => pages.next(page.nextCursor)} /> : null}
          </>
        )}
      </Async>
    </>
  );
}

export function DeadLettersPage() {
  return (
    <>
      <PageHeader title="Dead letters" description="Records a sync rejected, with the reason and the offending fields. Fix the mapping or the source, then replay." />
      <NeedsWorkspace>{(workspace) => <DeadLetterTable workspace={workspace} />}</NeedsWorkspace>
    </>
  );
}
