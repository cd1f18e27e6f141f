import { Field } from '../components/Field.js';
import type { Workspace } from '../types.js';

/** Role and, for workspace members, the workspace: shared by the member and API key forms. */
export function RoleFields({ role, workspaceId, workspaces, onChange, errors }: {
  role: string;
  workspaceId: string;
  workspaces: Workspace[];
  onChange(v: { role: string; workspaceId: string }): void;
  errors: Record<string, string>;
}) {
  return (
    <>
      <Field label="Role" required error={errors.role} help={role === 'org_admin' ? 'Every workspace of the org, and its settings.' : 'One workspace only.'}>
        <select value={role} onChange={(e) => onChange({ role: e.target.value, workspaceId })}>
          <option value="workspace_member">Workspace member</option>
          <option value="org_admin">Org admin</option>
        </select>
      </Field>
      {role === 'workspace_member' ? (
        <Field label="Workspace" required error={errors.workspaceId}>
          <select value={workspaceId} onChange={(e) => onChange({ role, workspaceId: e.target.value })}>
            {workspaces.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
          </select>
        </Field>
      ) : null}
    </>
  );
}
