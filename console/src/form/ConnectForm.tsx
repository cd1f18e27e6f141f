import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.js';
import { Field } from '../components/Field.js';
import { Notice } from '../components/Notice.js';
import type { CatalogueEntry, Connection } from '../types.js';
import { splitFieldErrors, type SplitErrors } from './field-errors.js';
import { fieldsOf, initialValues, toPayload, validate, type FormValues } from './schema.js';
import { SchemaForm } from './SchemaForm.js';

const NO_ERRORS: SplitErrors = { config: {}, credentials: {}, other: {} };
const isOAuthRedirect = (type: string) => type === 'oauth2_authorization_code';

/**
 * The generic connect form. Everything it shows comes from the catalogue entry: the auth
 * methods, the JSON Schema of the chosen method's secrets and of the connection fields.
 */
export function ConnectForm({ entry, workspaceId, onConnected }: { entry: CatalogueEntry; workspaceId: string; onConnected(c: Connection, warning?: string): void }) {
  const [methodId, setMethodId] = useState(entry.authMethods[0]?.id ?? '');
  const method = entry.authMethods.find((m) => m.id === methodId) ?? entry.authMethods[0];
  const configFields = useMemo(() => fieldsOf(entry.connectionSchema), [entry]);
  const secretFields = useMemo(() => fieldsOf(method?.schema), [method]);
  const [name, setName] = useState(entry.name);
  const [config, setConfig] = useState<FormValues>(() => initialValues(configFields));
  const [secrets, setSecrets] = useState<FormValues>(() => initialValues(secretFields));
  const [sandbox, setSandbox] = useState(false);
  const [sandboxUrl, setSandboxUrl] = useState('');
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => { setSecrets(initialValues(secretFields)); }, [secretFields]);
  // After a failed submit, move focus to the first field that needs attention.
  useEffect(() => { form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(); }, [errors]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!method) return;
    const found: SplitErrors = { config: validate(configFields, config), credentials: validate(secretFields, secrets), other: {} };
    if (!name.trim()) found.other.name = 'Name is required';
    if (sandbox && !/^https?:\/\/\S+$/.test(sandboxUrl.trim())) found.other.sandboxBaseUrl = 'Sandbox base URL must be an http(s) URL';
    setFailure(undefined);
    if ([found.config, found.credentials, found.other].some((e) => Object.keys(e).length > 0)) {
      setErrors(found);
      setFailure('Some fields need attention.');
      return;
    }
    setErrors(NO_ERRORS);
    setBusy(true);
    try {
      const created = await api.createConnection(workspaceId, {
        connectorId: entry.id, name: name.trim(), authMethod: method.id,
        config: toPayload(configFields, config), credentials: toPayload(secretFields, secrets),
        ...(sandbox ? { sandboxBaseUrl: sandboxUrl.trim() } : {}),
      });
      let warning: string | undefined;
      if (isOAuthRedirect(method.type)) {
        const authorizeUrl = created.authorizeUrl ?? await api.authorize(workspaceId, created.id).catch((e: ApiError) => {
          warning = e.unavailable ? `This server does not offer the ${entry.name} sign-in step yet, so the connection has no tokens.` : e.message;
          return undefined;
        });
        if (authorizeUrl) return window.location.assign(authorizeUrl);
      }
      onConnected(created, warning);
    } catch (e) {
      const error = e as ApiError;
      setFailure(error.message);
      setErrors(splitFieldErrors(error.fields ?? [], configFields.map((f) => f.name), secretFields.map((f) => f.name)));
    } finally {
      setBusy(false);
    }
  };

  const oauth = method && isOAuthRedirect(method.type);
  const leftover = Object.entries(errors.other).filter(([k]) => !['name', 'sandboxBaseUrl', 'authMethod'].includes(k));
  return (
    <form ref={form} onSubmit={submit} noValidate aria-label={`Connect ${entry.name}`}>
      {failure ? (
        <Notice tone="error">
          {failure}
          {leftover.length > 0 ? <ul>{leftover.map(([k, m]) => <li key={k}><code>{k}</code>: {m}</li>)}</ul> : null}
        </Notice>
      ) : null}
      <Field label="Connection name" required error={errors.other.name} help="How this connection appears in lists and logs.">
        <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </Field>
      {entry.authMethods.length > 1 ? (
        <fieldset className="radio-group">
          <legend>How to authenticate</legend>
          {entry.authMethods.map((m) => (
            <label key={m.id} className="radio">
              <input type="radio" name="authMethod" value={m.id} checked={m.id === method?.id} onChange={() => setMethodId(m.id)} />
              {m.label}
            </label>
          ))}
          {errors.other.authMethod ? <p className="field-error">{errors.other.authMethod}</p> : null}
        </fieldset>
      ) : null}
      {configFields.length > 0 ? (
        <fieldset className="form-section">
          <legend>Connection</legend>
          <SchemaForm idPrefix="config" fields={configFields} values={config} errors={errors.config} onChange={setConfig} disabled={busy} />
        </fieldset>
      ) : null}
      {secretFields.length > 0 ? (
        <fieldset className="form-section">
          <legend>{method?.label ?? 'Credentials'}</legend>
          <SchemaForm idPrefix="credentials" fields={secretFields} values={secrets} errors={errors.credentials} onChange={setSecrets} disabled={busy} />
        </fieldset>
      ) : null}
      {entry.hasSandbox ? (
        <fieldset className="form-section sandbox-section">
          <legend>Sandbox</legend>
          <label className="checkbox">
            <input type="checkbox" checked={sandbox} onChange={(e) => setSandbox(e.target.checked)} />
            Connect to the {entry.name} sandbox (a local stand-in for the vendor API, not the real service)
          </label>
          {sandbox ? (
            <Field label="Sandbox base URL" required error={errors.other.sandboxBaseUrl} help={`The address printed by “forge sandbox ${entry.id}”. Needs the platform's sandbox egress policy.`}>
              <input value={sandboxUrl} onChange={(e) => setSandboxUrl(e.target.value)} placeholder="http://127.0.0.1:4510" autoComplete="off" spellCheck={false} />
            </Field>
          ) : null}
        </fieldset>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Connecting…' : oauth ? `Connect with ${entry.name}` : `Connect ${entry.name}`}
        </button>
        {oauth ? <span className="muted small">You will be sent to {entry.name} to approve access, then back here.</span> : null}
      </div>
    </form>
  );
}
