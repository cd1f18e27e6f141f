import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api.js';
import { Field } from '../components/Field.js';
import { Notice } from '../components/Notice.js';
import { Link } from '../router.js';
import { bridgeApi } from './api.js';
import { SIDE_LABEL } from './BridgeEnd.js';
import type { Bridge, BridgeSide, ChatConnection, NewBridgeEnd } from './types.js';

/** The fields the API names in its errors; any other lands in the banner. */
const FIELDS = ['name', 'a.connection_id', 'a.channel', 'b.connection_id', 'b.channel'];

function EndFields({ side, value, onChange, connections, errors, disabled }: {
  side: BridgeSide;
  value: NewBridgeEnd;
  onChange(value: NewBridgeEnd): void;
  connections: ChatConnection[];
  errors: Record<string, string>;
  disabled: boolean;
}) {
  return (
    <fieldset className="form-section">
      <legend>{SIDE_LABEL[side]}</legend>
      <Field id={`bridge-${side}-connection`} label="Connection" required error={errors[`${side}.connection_id`]} help="A chat connection of this workspace.">
        <select value={value.connection_id} onChange={(e) => onChange({ ...value, connection_id: e.target.value })} disabled={disabled}>
          {value.connection_id ? null : <option value="">— choose —</option>}
          {connections.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.connectorName})</option>)}
        </select>
      </Field>
      <Field id={`bridge-${side}-channel`} label="Channel" required error={errors[`${side}.channel`]} help="The channel’s id as that chat system gives it, not its display name.">
        <input className="input-mono" value={value.channel} onChange={(e) => onChange({ ...value, channel: e.target.value })} autoComplete="off" spellCheck={false} disabled={disabled} />
      </Field>
    </fieldset>
  );
}

/**
 * Join two channels. Browser checks catch what is missing; the API's own refusals (the same
 * channel on both sides, a connector that cannot carry edits) land beside the field they name
 * (`a.connection_id`, `b.channel`), and focus moves to the first field that needs attention.
 */
export function BridgeForm({ workspaceId, connections, onCreated }: { workspaceId: string; connections: ChatConnection[]; onCreated(bridge: Bridge): void }) {
  const [name, setName] = useState('');
  const [a, setA] = useState<NewBridgeEnd>({ connection_id: connections[0]?.id ?? '', channel: '' });
  const [b, setB] = useState<NewBridgeEnd>({ connection_id: (connections[1] ?? connections[0])?.id ?? '', channel: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => { form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(); }, [errors]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = 'Name the bridge, e.g. after the team whose channels it joins';
    for (const [side, end] of [['a', a], ['b', b]] as const) {
      if (!end.connection_id) found[`${side}.connection_id`] = 'Choose a chat connection';
      if (!end.channel.trim()) found[`${side}.channel`] = 'Enter the channel’s id';
    }
    setErrors(found);
    setFailure(undefined);
    if (Object.keys(found).length > 0) return setFailure('Some fields need attention.');
    setBusy(true);
    try {
      const trimmed = (end: NewBridgeEnd) => ({ connection_id: end.connection_id, channel: end.channel.trim() });
      onCreated(await bridgeApi.create(workspaceId, { name: name.trim(), a: trimmed(a), b: trimmed(b) }));
    } catch (e) {
      const error = e as ApiError;
      setErrors(Object.fromEntries((error.fields ?? []).map((f) => [f.field, f.message])));
      setFailure(error.code === 'subscription_failed' ? `No bridge was kept: ${error.message}. Check that the connection may receive that channel’s messages, then try again.` : error.message);
      setBusy(false);
    }
  };

  const leftover = Object.entries(errors).filter(([field]) => !FIELDS.includes(field));
  return (
    <form ref={form} className="card form-narrow" onSubmit={submit} noValidate aria-label="New bridge">
      {failure ? (
        <Notice tone="error">
          {failure}
          {leftover.length > 0 ? <ul>{leftover.map(([k, m]) => <li key={k}><code>{k}</code>: {m}</li>)}</ul> : null}
        </Notice>
      ) : null}
      <Field id="bridge-name" label="Name" required error={errors.name} help="As people will read it in the list and the audit log.">
        <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" disabled={busy} />
      </Field>
      <EndFields side="a" value={a} onChange={setA} connections={connections} errors={errors} disabled={busy} />
      <EndFields side="b" value={b} onChange={setB} connections={connections} errors={errors} disabled={busy} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Creating…' : 'Create bridge'}</button>
        <Link to="/bridges" className="btn btn-ghost">Cancel</Link>
      </div>
    </form>
  );
}
