import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.js';
import { Async } from '../components/Async.js';
import { DataTable } from '../components/DataTable.js';
import { EmptyState } from '../components/EmptyState.js';
import { Field } from '../components/Field.js';
import { Notice } from '../components/Notice.js';
import { Time } from '../components/Time.js';
import { useResource } from '../hooks.js';
import type { Member, Workspace } from '../types.js';
import { RoleFields } from './RoleFields.js';

export function MembersSettings({ orgId, workspaces, current }: { orgId: string; workspaces: Workspace[]; current: Workspace }) {
  const members = useResource(() => api.members(orgId), [orgId]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState({ role: 'workspace_member', workspaceId: current.id });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) return setErrors({ email: 'Enter an email address' });
    setBusy(true);
    setErrors({});
    setFailure(undefined);
    try {
      await api.addMember(orgId, { email: email.trim(), role: role.role, ...(role.role === 'workspace_member' ? { workspaceId: role.workspaceId } : {}) });
      setEmail('');
      members.reload();
    } catch (e) {
      const err = e as ApiError;
      setFailure(err.message);
      setErrors(Object.fromEntries((err.fields ?? []).map((f) => [f.field, f.message])));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (m: Member) => {
    if (!window.confirm(`Remove ${m.email}? Their API keys stop working.`)) return;
    try { await api.removeMember(orgId, m.id); members.reload(); } catch (e) { setFailure((e as Error).message); }
  };

  const workspaceName = (id: string | null) => (id ? workspaces.find((w) => w.id === id)?.name ?? id.slice(0, 8) : 'all workspaces');
  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">Members</h2>
      {failure ? <Notice tone="error" onDismiss={() => setFailure(undefined)}>{failure}</Notice> : null}
      <Async resource={members} what="Members">
        {(rows) => (
          <DataTable
            caption="Members of the organisation"
            rows={rows}
            rowKey={(m) => m.id}
            empty={<EmptyState icon="☺" title="No members yet">Add the people who work in this organisation; each gets a role.</EmptyState>}
            columns={[
              { header: 'Email', render: (m) => m.email },
              { header: 'Role', render: (m) => m.role.replace(/_/g, ' ') },
              { header: 'Workspace', render: (m) => workspaceName(m.workspaceId) },
              { header: 'Added', render: (m) => <Time value={m.createdAt} /> },
              { header: 'Remove', render: (m) => <button type="button" className="btn btn-ghost btn-small" onClick={() => remove(m)} aria-label={`Remove ${m.email}`}>Remove</button> },
            ]}
          />
        )}
      </Async>
      <form onSubmit={submit} noValidate className="form-inline-grid" aria-label="Add a member">
        <Field label="Email" required error={errors.email}>
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="off" />
        </Field>
        <RoleFields {...role} workspaces={workspaces} onChange={setRole} errors={errors} />
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Adding…' : 'Add member'}</button>
      </form>
    </section>
  );
}
