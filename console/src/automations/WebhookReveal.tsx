import { useState } from 'react';

/** A webhook's URL and token, shown once: copy them now, the token cannot be shown again. */
export function WebhookReveal({ name, webhook, onDone }: { name: string; webhook: { url: string; token: string }; onDone(): void }) {
  const [copied, setCopied] = useState(false);
  const url = `${window.location.origin}${webhook.url}`;
  const copy = async () => {
    await navigator.clipboard.writeText(webhook.token).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <div className="key-reveal" role="status">
      <h2>Webhook of “{name}”</h2>
      <p>Your system calls it with <code>POST</code> and the token as a bearer token. The token is stored only as a hash and <strong>will not be shown again</strong>.</p>
      <dl className="details">
        <div className="details-row"><dt>URL</dt><dd><code data-testid="webhook-url">{url}</code></dd></div>
        <div className="details-row"><dt>Body</dt><dd><code>{'{"workspace_id": "…", "data": {…}}'}</code></dd></div>
      </dl>
      <div className="key-box">
        <code aria-label="Webhook token" data-testid="webhook-token">{webhook.token}</code>
        <button type="button" className="btn btn-small" onClick={copy}>{copied ? 'Copied' : 'Copy token'}</button>
      </div>
      <button type="button" className="btn" onClick={onDone}>I have stored it</button>
    </div>
  );
}
