import { useState, type FormEvent } from 'react';
import { ApiError } from '../api.js';
import { Field } from '../components/Field.js';
import { Notice } from '../components/Notice.js';
import { signIn, takeSignOutReason } from '../session.js';

/** Checks a key against an authenticated route: only a 401 means the key is wrong. */
async function keyAccepted(key: string): Promise<boolean> {
  const response = await fetch('/api/v1/workspaces', { headers: { authorization: `Bearer ${key}`, accept: 'application/json' } });
  return response.status !== 401;
}

export function SignInPage() {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [reason] = useState(takeSignOutReason);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = key.trim();
    if (!trimmed) return setError('Paste an API key to sign in.');
    if (!trimmed.startsWith('fw_')) return setError('Forgeworks API keys start with "fw_".');
    setBusy(true);
    setError(undefined);
    try {
      if (await keyAccepted(trimmed)) signIn(trimmed);
      else setError('That key was not accepted: it is unknown or revoked.');
    } catch {
      setError(new ApiError(0, 'network', 'Cannot reach the Forgeworks server. Check that it is running and try again.').message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="signin">
      <main className="signin-card" id="main">
        <div className="brand brand-large"><span className="brand-mark" aria-hidden="true">F</span><span>Forgeworks</span></div>
        <h1>Sign in to the console</h1>
        <p className="muted">Paste an API key. It stays in this browser tab only and is forgotten when the tab closes.</p>
        {reason === 'expired' ? <Notice tone="warning">Your API key was not accepted any more (revoked or rotated). Sign in again.</Notice> : null}
        <form onSubmit={submit} noValidate>
          <Field label="API key" required error={error} help="Platform and org admins create keys under Settings → API keys; the first admin key is printed when the server starts.">
            <input type="password" value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off" spellCheck={false} autoFocus placeholder="fw_…" />
          </Field>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>{busy ? 'Checking…' : 'Sign in'}</button>
        </form>
      </main>
    </div>
  );
}
