import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.js';
import { Async } from '../components/Async.js';
import { DataTable } from '../components/DataTable.js';
import { EmptyState } from '../components/EmptyState.js';
import { Field } from '../components/Field.js';
import { Notice } from '../components/Notice.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Time } from '../components/Time.js';
import { useResource } from '../hooks.js';
import type { ApiKey, CreatedApiKey, Workspace } from '../types.js';
import { NewKeyReveal } from './NewKeyReveal.js';
import { RoleFields } from './RoleFields.js';

export function ApiKeysSettings({ orgId, workspaces, current }: { orgId: string; workspaces: Workspace[]; current: Workspace }) {
  const keys = useResource(() => api.apiKeys(orgId), [orgId]);
  const [name, setName] = useState('');
  const [role, setRole] = useState({ role: 'workspace_member', workspaceId: current.id });
  const [created, setCreated] = useState<CreatedApiKey>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: 'Name the key after what uses it (e.g. "warehouse export")' });
    setBusy(true);
    setErrors({});
    setFailure(undefined);
    try {
      setCreated(await api.createApiKey(orgId, { name: name.trim(), role: role.role, ...(role.role === 'workspace_member' ? { workspaceId: role.workspaceId } : {}) }));
      setName('');
      keys.reload();
    } catch (e) {
      const err = e as ApiError;
      setFailure(err.message);
      setErrors(Object.fromEntries((err.fields ?? []).map((f) => [f.field, f.message])));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (k: ApiKey) => {
    if (!window.confirm(`Revoke “${k.name}”? Anything using it stops working at once.`)) return;
    try { await api.revokeApiKey(orgId, k.id); keys.reload(); } catch (e) { setFailure((e as Error).message); }
  };

  return (
    <section className="card" aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      {failure ? <Notice tone="error" onDismiss={() => setFailure(undefined)}>{failure}</Notice> : null}
      {created ? <NewKeyReveal created={created} onDone={() => setCreated(undefined)} /> : null}
      <Async resource={keys} what="API keys">
        {(rows) => (
          <DataTable
            caption="API keys of the organisation"
            rows={rows}
            rowKey={(k) => k.id}
            empty={<EmptyState icon="⚿" title="No API keys yet">Create a key for each script or service that calls the API.</EmptyState>}
            columns={[
              { header: 'Name', render: (k) => k.name },
              { header: 'Key', render: (k) => <code>{k.prefix}…</code> },
              { header: 'Role', render: (k) => k.role.replace(/_/g, ' ') },
              { header: 'Created', render: (k) => <Time value={k.createdAt} /> },
              { header: 'State', render: (k) => (k.revokedAt ? <StatusBadge status="revoked" /> : <StatusBadge status="active" />) },
              { header: 'Revoke', render: (k) => (k.revokedAt ? null : <button type="button" className="btn btn-ghost btn-small" onClick={() => revoke(k)} aria-label={`Revoke ${k.name}`}>Revoke</button>) },
            ]}
          />
        )}
      </Async>
      <form onSubmit={submit} noValidate className="form-inline-grid" aria-label="Create an API key">
        <Field label="Key name" required error={errors.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" placeholder="warehouse export" />
        </Field>
        <RoleFields {...role} workspaces={workspaces} onChange={setRole} errors={errors} />
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Creating…' : 'Create key'}</button>
      </form>
    </section>
  );
}
