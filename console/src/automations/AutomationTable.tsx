import { useState } from 'react';
import { Async } from '../components/Async.js';
import { DataTable } from '../components/DataTable.js';
import { EmptyState } from '../components/EmptyState.js';
import { Notice } from '../components/Notice.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Time } from '../components/Time.js';
import { usePolling, useResource } from '../hooks.js';
import { Link } from '../router.js';
import { automationApi } from './api.js';
import { describeTrigger, TRIGGER_LABELS } from './describe.js';
import type { Automation } from './types.js';

/** The org tier: every automation with its trigger, state and last run; enable and disable in place. */
export function AutomationTable({ orgId }: { orgId: string }) {
  const automations = useResource(() => automationApi.list(orgId), [orgId]);
  usePolling(automations.reload, 10_000, true);
  const [busy, setBusy] = useState<string>();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();

  const toggle = async (a: Automation) => {
    setBusy(a.id);
    setNotice(undefined);
    try {
      await automationApi.setEnabled(orgId, a.id, !a.enabled);
      setNotice({ tone: 'success', text: `“${a.name}” is ${a.enabled ? 'disabled: its trigger no longer runs it' : 'enabled again'}.` });
      automations.reload();
    } catch (e) {
      setNotice({ tone: 'error', text: (e as Error).message });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      {notice ? <Notice tone={notice.tone} onDismiss={() => setNotice(undefined)}>{notice.text}</Notice> : null}
      <Async resource={automations} what="Automations">
        {(rows) => (
          <DataTable
            caption="Automations of the organisation"
            rows={rows}
            rowKey={(a) => a.id}
            empty={(
              <EmptyState icon="⚙" title="No automations yet" action={<Link to="/automations/new" className="btn btn-primary">New automation</Link>}>
                <p>An automation runs a connector action when something happens: a schedule slot, a change a sync records, or a call to its webhook.</p>
              </EmptyState>
            )}
            columns={[
              { header: 'Name', render: (a) => <Link to={`/automations/${a.id}`}>{a.name}</Link> },
              {
                header: 'Trigger',
                render: (a) => (
                  <>
                    <strong>{TRIGGER_LABELS[a.trigger.type]}</strong>
                    <div className="muted small mono">{describeTrigger(a.trigger)}</div>
                    {a.trigger.type === 'schedule' && a.enabled ? <div className="muted small">next <Time value={a.next_run_at} /></div> : null}
                  </>
                ),
              },
              { header: 'Action', render: (a) => <code>{a.connector_id}.{a.action_id}</code> },
              { header: 'State', render: (a) => <StatusBadge status={a.enabled ? 'enabled' : 'disabled'} /> },
              {
                header: 'Last run',
                render: (a) => (a.last_run ? (
                  <>
                    <StatusBadge status={a.last_run.status} /> <Time value={a.last_run.created_at} />
                    {a.last_run.error ? <div className="field-error small">{a.last_run.error}</div> : null}
                  </>
                ) : <span className="muted">never</span>),
              },
              {
                header: 'Actions',
                render: (a) => (
                  <div className="button-row">
                    <Link to={`/automations/${a.id}`} className="btn btn-small">Edit<span className="sr-only"> {a.name}</span></Link>
                    <button type="button" className={`btn btn-small${a.enabled ? ' btn-danger-ghost' : ''}`} onClick={() => toggle(a)} disabled={busy !== undefined}
                      aria-label={`${a.enabled ? 'Disable' : 'Enable'} ${a.name}`}>
                      {busy === a.id ? 'Saving…' : a.enabled ? 'Disable' : 'Enable'}
                    </button>
                  </div>
                ),
              },
            ]}
          />
        )}
      </Async>
    </>
  );
}
