import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api.js';
import { DataTable } from '../components/DataTable.js';
import { EmptyState } from '../components/EmptyState.js';
import { Field } from '../components/Field.js';
import { Notice } from '../components/Notice.js';
import { StatusBadge } from '../components/StatusBadge.js';
import type { Workspace } from '../types.js';
import { automationApi } from './api.js';
import type { JsonConnector } from './types.js';

const settingStatus = (c: JsonConnector) => (c.auth_type === 'none' ? 'configured' : !c.setting ? 'not_configured' : c.setting.enabled ? 'configured' : 'opted_out');

/** A workspace's credentials for one JSON connector: write-only, drawn from the connector's auth fields. */
function CredentialForm({ workspace, connector, onSaved, onCancel }: { workspace: Workspace; connector: JsonConnector; onSaved(text: string): void; onCancel(): void }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => { form.current?.querySelector<HTMLElement>('[aria-invalid="true"], input')?.focus(); }, [errors]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = Object.fromEntries(connector.auth_fields.filter((f) => f.required && !values[f.name]?.trim()).map((f) => [f.name, `${f.label} is required`]));
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const config = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim()).map(([k, v]) => [k, v.trim()]));
      await automationApi.saveSetting(workspace.id, connector.connector_id, { enabled: true, config });
      onSaved(`Credentials for ${connector.display_name} saved for ${workspace.name}.`);
    } catch (e) {
      const error = e as ApiError;
      setFailure(error.message);
      setErrors(Object.fromEntries((error.fields ?? []).map((f) => [f.field.replace(/^config\./, ''), f.message])));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} onSubmit={submit} noValidate className="form-narrow" aria-label={`Credentials for ${connector.display_name}`}>
      <h3>Credentials for {connector.display_name}</h3>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      {connector.auth_fields.map((f) => (
        <Field key={f.name} id={`setting-${connector.connector_id}-${f.name}`} label={f.label} required={f.required} error={errors[f.name]}
          help={[f.help, f.secret ? 'Stored encrypted for this workspace; never shown again.' : undefined].filter(Boolean).join(' ') || undefined}>
          <input type={f.secret ? 'password' : 'text'} value={values[f.name] ?? ''} onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
            placeholder={f.placeholder} autoComplete={f.secret ? 'new-password' : 'off'} spellCheck={false} disabled={busy} />
        </Field>
      ))}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : 'Save credentials'}</button>
        <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={busy}>Cancel</button>
      </div>
    </form>
  );
}

/**
 * The platform tier as this workspace sees it: each JSON connector, whether the platform has it
 * switched on, its actions, and this workspace's own setting (credentials stored, opted out, or
 * nothing yet: then runs for this workspace are skipped).
 */
export function WorkspaceConnectors({ workspace, connectors, onChanged }: { workspace: Workspace; connectors: JsonConnector[]; onChanged(): void }) {
  const [editing, setEditing] = useState<string>();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string }>();

  const setOptedIn = async (c: JsonConnector, enabled: boolean) => {
    if (!enabled && !window.confirm(`Opt ${workspace.name} out of ${c.display_name}? Automations then skip this workspace.`)) return;
    try {
      await automationApi.saveSetting(workspace.id, c.connector_id, { enabled });
      setNotice({ tone: 'success', text: enabled ? `${workspace.name} takes part in ${c.display_name} again.` : `${workspace.name} opted out of ${c.display_name}.` });
      onChanged();
    } catch (e) {
      setNotice({ tone: 'error', text: (e as Error).message });
    }
  };

  const current = connectors.find((c) => c.connector_id === editing);
  return (
    <>
      {notice ? <Notice tone={notice.tone} onDismiss={() => setNotice(undefined)}>{notice.text}</Notice> : null}
      <DataTable
        caption="JSON connectors of the platform and this workspace's setting for each"
        rows={connectors}
        rowKey={(c) => c.connector_id}
        empty={<EmptyState icon="⌘" title="No JSON connectors yet">A platform admin registers them (<code>POST /admin/connector</code>): an API's auth, its actions and the hosts it may call. Automations then run their actions.</EmptyState>}
        columns={[
          { header: 'Connector', render: (c) => <><strong>{c.display_name}</strong><div className="muted small mono">{c.connector_id} · v{c.version}</div></> },
          { header: 'Platform', render: (c) => <StatusBadge status={c.enabled ? 'enabled' : 'disabled'} /> },
          { header: 'Actions', render: (c) => <ul className="error-list">{c.actions.map((a) => <li key={a.action_id}><code>{a.action_id}</code> <span className="muted small">{a.http_method}{a.description ? ` · ${a.description}` : ''}</span></li>)}</ul> },
          { header: workspace.name, render: (c) => <StatusBadge status={settingStatus(c)} /> },
          {
            header: 'Setting',
            render: (c) => (c.auth_type === 'none' ? <span className="muted small">needs no credentials</span> : (
              <div className="button-row">
                <button type="button" className="btn btn-small" onClick={() => setEditing(c.connector_id)} aria-label={`Set credentials for ${c.display_name}`}>
                  {c.setting?.enabled ? 'Replace credentials' : 'Set credentials'}
                </button>
                {c.setting?.enabled === false
                  ? <button type="button" className="btn btn-small" onClick={() => setOptedIn(c, true)}>Opt in<span className="sr-only"> to {c.display_name}</span></button>
                  : <button type="button" className="btn btn-small btn-ghost" onClick={() => setOptedIn(c, false)}>Opt out<span className="sr-only"> of {c.display_name}</span></button>}
              </div>
            )),
          },
        ]}
      />
      {current ? (
        <CredentialForm key={current.connector_id} workspace={workspace} connector={current} onCancel={() => setEditing(undefined)}
          onSaved={(text) => { setEditing(undefined); setNotice({ tone: 'success', text }); onChanged(); }} />
      ) : null}
    </>
  );
}
