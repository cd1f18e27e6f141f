import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.js';
import { EmptyState } from '../components/EmptyState.js';
import { Field } from '../components/Field.js';
import { Notice } from '../components/Notice.js';
import { useResource } from '../hooks.js';
import { useWorkspace } from '../workspace.js';

/** First run: no workspace yet. Creates the organisation too when there is none. */
export function CreateWorkspace() {
  const { reload, select } = useWorkspace();
  const orgs = useResource(() => api.orgs().catch((e: Error) => (e instanceof ApiError && (e.unavailable || e.status === 403) ? [] : Promise.reject(e))), []);
  const [orgName, setOrgName] = useState('');
  const [orgId, setOrgId] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const existing = orgs.data ?? [];
  const chosenOrg = orgId || existing[0]?.id || '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = 'Workspace name is required';
    if (existing.length === 0 && !orgName.trim()) found.orgName = 'Organisation name is required';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const org = existing.length === 0 ? await api.createOrg(orgName.trim()) : { id: chosenOrg };
      const workspace = await api.createWorkspace(org.id, name.trim());
      select(workspace.id);
      reload();
    } catch (e) {
      const error = e as ApiError;
      setFailure(error.message);
      setErrors(Object.fromEntries((error.fields ?? []).map((f) => [f.field === 'name' ? 'name' : f.field, f.message])));
    } finally {
      setBusy(false);
    }
  };

  return (
    <EmptyState icon="◇" title="Create your first workspace">
      <p>A workspace holds connections, their records and loads. Each workspace's credentials are kept apart.</p>
      <form className="card form-narrow" onSubmit={submit} noValidate>
        {failure ? <Notice tone="error">{failure}</Notice> : null}
        {existing.length === 0 ? (
          <Field label="Organisation name" required error={errors.orgName}>
            <input value={orgName} onChange={(e) => setOrgName(e.target.value)} placeholder="Acme Inc." />
          </Field>
        ) : existing.length > 1 ? (
          <Field label="Organisation" required>
            <select value={chosenOrg} onChange={(e) => setOrgId(e.target.value)}>
              {existing.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          </Field>
        ) : null}
        <Field label="Workspace name" required error={errors.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Production" />
        </Field>
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Creating…' : 'Create workspace'}</button>
      </form>
    </EmptyState>
  );
}
