import { useMemo, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.js';
import { splitFieldErrors } from '../form/field-errors.js';
import { fieldsOf, initialValues, toPayload, validate } from '../form/schema.js';
import { SchemaForm } from '../form/SchemaForm.js';
import type { CatalogueEntry, Connection } from '../types.js';
import { Notice } from './Notice.js';

/** New credentials for an existing connection, drawn from the same schema as the connect form. */
export function ReauthorizeForm({ entry, connection, workspaceId, onDone }: { entry: CatalogueEntry; connection: Connection; workspaceId: string; onDone(c: Connection): void }) {
  const method = entry.authMethods.find((m) => m.id === connection.authMethod);
  const fields = useMemo(() => fieldsOf(method?.schema), [method]);
  const [values, setValues] = useState(() => initialValues(fields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const oauth = method?.type === 'oauth2_authorization_code';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(fields, values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const updated = await api.reauthorize(workspaceId, connection.id, toPayload(fields, values));
      const authorizeUrl = oauth ? updated.authorizeUrl ?? await api.authorize(workspaceId, connection.id) : undefined;
      if (authorizeUrl) return window.location.assign(authorizeUrl);
      onDone(updated);
    } catch (e) {
      const error = e as ApiError;
      setFailure(error.message);
      setErrors(splitFieldErrors(error.fields ?? [], [], fields.map((f) => f.name)).credentials);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Replace credentials">
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <SchemaForm idPrefix="reauth" fields={fields} values={values} errors={errors} onChange={setValues} disabled={busy} />
      <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : oauth ? `Reconnect with ${entry.name}` : 'Save new credentials'}</button>
    </form>
  );
}
