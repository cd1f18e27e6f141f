import { useWorkspace } from '../workspace.js';
import { SandboxBadge } from './StatusBadge.js';

/** The header's workspace switch; every tenant page follows it. */
export function WorkspacePicker() {
  const { workspaces, current, select, loading, error } = useWorkspace();
  if (loading && workspaces.length === 0) return <span className="muted">Loading workspaces…</span>;
  if (error || workspaces.length === 0) return <span className="muted">No workspace</span>;
  return (
    <div className="workspace-picker">
      <label htmlFor="workspace-picker">Workspace</label>
      <select id="workspace-picker" value={current?.id ?? ''} onChange={(e) => select(e.target.value)}>
        {workspaces.map((w) => <option key={w.id} value={w.id}>{w.name}{w.isDemo ? ' (demo)' : ''}</option>)}
      </select>
      {current?.isDemo ? <SandboxBadge /> : null}
    </div>
  );
}
