import type { LoadItem } from '../types.js';
import { DataTable } from './DataTable.js';
import { Value } from './JsonView.js';
import { StatusBadge } from './StatusBadge.js';

/** What a load will do (or did) per record: the action, the target, and each field from → to. */
export function PlanDiff({ items, showOutcome }: { items: LoadItem[]; showOutcome?: boolean }) {
  return (
    <DataTable
      caption="Per-record plan"
      rows={items}
      rowKey={(i) => i.seq}
      columns={[
        { header: '#', numeric: true, render: (i) => i.seq + 1 },
        { header: 'Action', render: (i) => <StatusBadge status={i.action} /> },
        { header: 'Record', render: (i) => <span className="mono">{i.naturalKey ?? i.targetId ?? '(new)'}</span> },
        {
          header: 'Changes',
          render: (i) => (i.diff.length === 0 ? <span className="muted">{i.reason ?? (i.action === 'noop' ? 'already up to date' : '—')}</span> : (
            <ul className="diff">
              {i.diff.map((d) => (
                <li key={d.field}><code>{d.field}</code> <span className="diff-from"><Value value={d.from} /></span> → <span className="diff-to"><Value value={d.to} /></span></li>
              ))}
            </ul>
          )),
        },
        ...(showOutcome ? [
          { header: 'Write', render: (i: LoadItem) => <StatusBadge status={i.writeStatus ?? 'pending'} /> },
          { header: 'Verify', render: (i: LoadItem) => <StatusBadge status={i.verifyStatus ?? 'pending'} /> },
          {
            header: 'Rollback',
            render: (i: LoadItem) => (i.rollbackStatus && i.rollbackStatus !== 'none' ? <><StatusBadge status={i.rollbackStatus} />{i.rollbackDetail ? <div className="muted small">{i.rollbackDetail}</div> : null}</> : <span className="muted">—</span>),
          },
          {
            header: 'Error',
            render: (i: LoadItem) => (i.error ? <span className="field-error">{i.error.message}{i.error.fields.length ? <> ({i.error.fields.map((f) => f.field).join(', ')})</> : null}</span> : <span className="muted">—</span>),
          },
        ] : []),
      ]}
    />
  );
}
