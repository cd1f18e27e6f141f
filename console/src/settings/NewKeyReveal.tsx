import { useState } from 'react';
import type { CreatedApiKey } from '../types.js';

/** The new key, shown once: copy it now, it cannot be shown again. */
export function NewKeyReveal({ created, onDone }: { created: CreatedApiKey; onDone(): void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(created.key).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <div className="key-reveal" role="status">
      <h3>Your new API key “{created.name}”</h3>
      <p>Copy it now. It is stored only as a hash and <strong>will not be shown again</strong>.</p>
      <div className="key-box">
        <code aria-label="New API key" data-testid="new-api-key">{created.key}</code>
        <button type="button" className="btn btn-small" onClick={copy}>{copied ? 'Copied' : 'Copy'}</button>
      </div>
      <button type="button" className="btn" onClick={onDone}>I have stored it</button>
    </div>
  );
}
