import type { LoadReport } from '../types.js';
import { Stat, Stats } from './Stat.js';
import { StatusBadge } from './StatusBadge.js';

/** The plan counts, the write and verification results, and the rollback's own report. */
export function LoadReportView({ report }: { report: LoadReport }) {
  const c = report.counts;
  return (
    <div className="report">
      <h3>Plan</h3>
      <Stats>
        <Stat label="Records" value={c.total} />
        <Stat label="Create" value={c.create} tone="good" />
        <Stat label="Update" value={c.update} />
        <Stat label="Delete" value={c.delete} tone={c.delete ? 'warn' : undefined} />
        <Stat label="Unchanged" value={c.noop} />
        <Stat label="Conflicts" value={c.conflict} tone={c.conflict ? 'bad' : undefined} />
      </Stats>
      {report.status !== 'planned' ? (
        <>
          <h3>Verification</h3>
          <Stats>
            <Stat label="Written" value={report.written} tone="good" />
            <Stat label="Write failed" value={report.failed} tone={report.failed ? 'bad' : undefined} />
            <Stat label="Verified" value={report.verified} tone="good" />
            <Stat label="Verify failed" value={report.verifyFailed} tone={report.verifyFailed ? 'bad' : undefined} />
          </Stats>
        </>
      ) : null}
      {report.rollback ? (
        <section className="rollback-report" aria-labelledby="rollback-title">
          <h3 id="rollback-title">Rollback ({report.rollback.trigger.replace('_', ' ')})</h3>
          <Stats>
            <Stat label="Restored" value={report.rollback.restored} tone="good" />
            <Stat label="Re-created" value={report.rollback.recreated} />
            <Stat label="Unrecoverable" value={report.rollback.unrecoverable} tone={report.rollback.unrecoverable ? 'bad' : undefined} />
            <Stat label="Failed" value={report.rollback.failed} tone={report.rollback.failed ? 'bad' : undefined} />
          </Stats>
          {report.rollback.items.some((i) => i.status !== 'restored' && i.status !== 'not_needed') ? (
            <ul className="error-list">
              {report.rollback.items.filter((i) => i.status !== 'restored' && i.status !== 'not_needed').map((i) => (
                <li key={i.seq}>Record #{i.seq + 1}: <StatusBadge status={i.status} /> {i.detail}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      {report.errors.length > 0 ? (
        <section aria-labelledby="load-errors-title">
          <h3 id="load-errors-title">Errors</h3>
          <ul className="error-list">
            {report.errors.map((e, i) => (
              <li key={i}>Record #{e.seq + 1} ({e.kind}): {e.message}{e.fields.length ? <> — {e.fields.map((f) => <span key={f.field}><code>{f.field}</code> {f.message} </span>)}</> : null}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
