import { useState } from 'react';
import { api } from '../api.js';
import { Async } from '../components/Async.js';
import { LoadReportView } from '../components/LoadReportView.js';
import { NeedsWorkspace } from '../components/NeedsWorkspace.js';
import { Notice } from '../components/Notice.js';
import { PageHeader } from '../components/PageHeader.js';
import { PlanDiff } from '../components/PlanDiff.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Time } from '../components/Time.js';
import { usePolling, useResource } from '../hooks.js';
import { Link, useLocation } from '../router.js';
import type { Load, Workspace } from '../types.js';

/** Running, verifying, or planned after this tab asked for it to run (queued for a worker). */
const inFlight = (load: Load | undefined, started: boolean) => Boolean(load && !load.dryRun && (['running', 'verifying'].includes(load.status) || (started && load.status === 'planned')));
const ROLLBACKABLE = new Set(['succeeded', 'partially_failed', 'failed', 'rollback_incomplete']);

function LoadProgress({ load }: { load: Load }) {
  const p = load.progress ?? { toWrite: load.report.counts.total - load.report.counts.noop, written: load.report.written, failed: load.report.failed, verified: load.report.verified };
  if (load.status === 'planned') return <ProgressBar label="Queued: waiting for a worker…" />;
  if (load.status === 'verifying') return <ProgressBar label="Verifying: reading back what was written" value={p.verified} max={p.written} />;
  return <ProgressBar label="Writing records" value={p.written + p.failed} max={p.toWrite} />;
}

function LoadDetail({ workspace, loadId }: { workspace: Workspace; loadId: string }) {
  const detail = useResource(() => api.load(workspace.id, loadId), [workspace.id, loadId]);
  const { search } = useLocation();
  const [started, setStarted] = useState(search.get('started') === '1');
  const [rolling, setRolling] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error' | 'warning'; text: string }>();
  usePolling(detail.reload, 1000, inFlight(detail.data?.load, started));

  const run = async (load: Load) => {
    setNotice(undefined);
    try {
      await api.runLoad(workspace.id, load.id);
      setStarted(true);
      detail.reload();
    } catch (e) {
      setNotice({ tone: 'error', text: (e as Error).message });
    }
  };

  const rollback = async (load: Load) => {
    if (!window.confirm('Roll this load back? Updated records are restored from their snapshots, created ones deleted, deleted ones re-created where the system allows.')) return;
    setRolling(true);
    setNotice(undefined);
    try {
      const after = await api.rollbackLoad(workspace.id, load.id);
      setNotice(after.status === 'rolled_back'
        ? { tone: 'success', text: 'Rolled back: every record is as it was before the load, verified.' }
        : { tone: 'warning', text: `The rollback finished as “${after.status.replace(/_/g, ' ')}”: see below what could not be restored.` });
      detail.reload();
    } catch (e) {
      setNotice({ tone: 'error', text: (e as Error).message });
    } finally {
      setRolling(false);
    }
  };

  return (
    <Async resource={detail} what="Load">
      {({ load, items }) => (
        <>
          <PageHeader
            title={`${load.dryRun ? 'Dry run' : 'Load'} into ${load.object}`}
            badge={<StatusBadge status={load.status} />}
            description={<>Load <span className="mono">{load.id}</span> · created <Time value={load.createdAt} />{load.finishedAt ? <> · finished <Time value={load.finishedAt} /></> : null}</>}
            actions={(
              <>
                <Link to="/loads" className="btn btn-ghost">← Loads</Link>
                {load.status === 'planned' && !load.dryRun && !started ? <button type="button" className="btn btn-primary" onClick={() => run(load)}>Run load</button> : null}
                {ROLLBACKABLE.has(load.status) && !load.dryRun ? (
                  <button type="button" className="btn btn-danger" onClick={() => rollback(load)} disabled={rolling}>{rolling ? 'Rolling back…' : 'Roll back'}</button>
                ) : null}
              </>
            )}
          />
          {notice ? <Notice tone={notice.tone} onDismiss={() => setNotice(undefined)}>{notice.text}</Notice> : null}
          {inFlight(load, started) ? <LoadProgress load={load} /> : null}
          {load.dryRun ? <Notice tone="info">A dry run: the plan and diff below were computed, nothing was written. Plan it again without a dry run to write it.</Notice> : null}
          {load.status === 'succeeded' ? <Notice tone="success">Written and verified: every record was read back from the system and matches.</Notice> : null}
          {load.status === 'partially_failed' ? <Notice tone="warning">Some records failed; the rest were written and verified. Roll back to undo the whole load.</Notice> : null}
          <section className="card" aria-labelledby="report-title">
            <h2 id="report-title">{load.status === 'rolled_back' || load.status === 'rollback_incomplete' ? 'Verification and rollback report' : 'Verification report'}</h2>
            <LoadReportView report={load.report} />
          </section>
          <section className="card" aria-labelledby="items-title">
            <h2 id="items-title">Records</h2>
            <PlanDiff items={items} showOutcome={!load.dryRun} />
          </section>
        </>
      )}
    </Async>
  );
}

export function LoadPage({ loadId }: { loadId: string }) {
  return <NeedsWorkspace>{(workspace) => <LoadDetail workspace={workspace} loadId={loadId} />}</NeedsWorkspace>;
}
