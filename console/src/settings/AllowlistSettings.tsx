import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.js';
import { Async } from '../components/Async.js';
import { Field } from '../components/Field.js';
import { Notice } from '../components/Notice.js';
import { useResource } from '../hooks.js';

/** Settings → Integrations: the hosts this org's connectors may reach, on top of each connector's own list. */
export function AllowlistSettings({ orgId }: { orgId: string }) {
  const org = useResource(() => api.org(orgId), [orgId]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (org.data) setText(org.data.domainAllowlist.join('\n')); }, [org.data]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await api.setAllowlist(orgId, text.split(/[\s,]+/).map((d) => d.trim()).filter(Boolean));
      setSaved(true);
      org.reload();
    } catch (e) {
      const err = e as ApiError;
      setError(err.fields?.length ? err.fields.map((f) => f.message).join('; ') : err.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="allowlist-title">
      <h2 id="allowlist-title">Domain allowlist</h2>
      <p className="muted">When set, connectors in this organisation may only call these hosts (and only those their connector allows). Empty means no extra restriction.</p>
      <Async resource={org} what="Organisation">
        {() => (
          <form onSubmit={submit} noValidate className="form-narrow">
            <Field label="Allowed hosts" error={error} help="One per line; a leading *. allows subdomains (*.hubspot.com).">
              <textarea rows={4} value={text} onChange={(e) => { setText(e.target.value); setSaved(false); }} className="input-mono" spellCheck={false} />
            </Field>
            <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : 'Save allowlist'}</button>
            {saved ? <Notice tone="success">Allowlist saved. It applies to the next call every connection makes.</Notice> : null}
          </form>
        )}
      </Async>
    </section>
  );
}
