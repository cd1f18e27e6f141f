import { useState } from 'react';
import { api } from '../api.js';
import { Notice } from './Notice.js';

/** Asks the connector to call its system with the stored credentials and says what came back. */
export function TestConnectionButton({ workspaceId, connectionId, primary }: { workspaceId: string; connectionId: string; primary?: boolean }) {
  const [state, setState] = useState<{ busy?: boolean; ok?: boolean; message?: string }>({});
  const test = async () => {
    setState({ busy: true });
    try {
      const result = await api.testConnection(workspaceId, connectionId);
      setState({ ok: result.ok, message: result.ok ? `The connection works${result.latencyMs ? ` (${result.latencyMs} ms)` : ''}.` : result.message ?? 'The system did not accept the test.' });
    } catch (e) {
      setState({ ok: false, message: (e as Error).message });
    }
  };
  return (
    <div className="test-connection">
      <button type="button" className={`btn${primary ? ' btn-primary' : ''}`} onClick={test} disabled={state.busy}>{state.busy ? 'Testing…' : 'Test connection'}</button>
      {state.message ? <Notice tone={state.ok ? 'success' : 'error'}>{state.ok ? 'Connection test passed. ' : 'Connection test failed. '}{state.message}</Notice> : null}
    </div>
  );
}
