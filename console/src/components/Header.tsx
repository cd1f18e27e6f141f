import { api } from '../api.js';
import { useResource } from '../hooks.js';
import { signOut } from '../session.js';
import { WorkspacePicker } from './WorkspacePicker.js';

/** The header: workspace picker, who is signed in, and the way out. */
export function Header() {
  const me = useResource(() => api.me(), []);
  return (
    <header className="topbar">
      <WorkspacePicker />
      <div className="topbar-right">
        {me.data ? <span className="muted small" title={`API key ${me.data.keyId}`}>Signed in as {me.data.role.replace(/_/g, ' ')}</span> : null}
        <a className="topbar-link" href="/health" target="_blank" rel="noreferrer">Status</a>
        <button type="button" className="btn btn-ghost" onClick={() => signOut()}>Sign out</button>
      </div>
    </header>
  );
}
