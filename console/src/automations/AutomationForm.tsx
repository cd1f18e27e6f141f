import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api.js';
import { Field } from '../components/Field.js';
import { Notice } from '../components/Notice.js';
import { Link } from '../router.js';
import type { Transform } from '../types.js';
import { automationApi } from './api.js';
import { SOURCE_SUGGESTIONS } from './describe.js';
import { InputMappingTable, type MappingRow } from './InputMappingTable.js';
import { TriggerFields, type TriggerValue } from './TriggerFields.js';
import type { Automation, AutomationTrigger, InputMapping, JsonConnector, NewAutomation } from './types.js';

type Sources = Record<string, { source: string; transform: Transform; valueMap?: InputMapping['valueMap'] }>;

function triggerOf(value: TriggerValue): AutomationTrigger {
  if (value.type === 'schedule') return { type: 'schedule', cron: value.cron.trim() };
  if (value.type === 'change_event') return { type: 'change_event', object: value.object.trim(), ops: value.ops };
  return { type: 'webhook' };
}

function initialTrigger(a?: Automation): TriggerValue {
  const t = a?.trigger;
  return {
    type: t?.type ?? 'schedule',
    cron: t?.type === 'schedule' ? t.cron : '',
    object: t?.type === 'change_event' ? t.object : '',
    ops: t?.type === 'change_event' ? t.ops ?? ['insert', 'update', 'delete'] : ['insert', 'update', 'delete'],
  };
}

/**
 * Create or edit an automation. Browser checks catch what is missing; the API's own errors (a cron
 * that does not parse, say) land beside the field they name (`trigger.cron`, `mapping.2.source`).
 * After a failed submit, focus moves to the first field that needs attention.
 */
export function AutomationForm({ orgId, connectors, objects, initial, onSaved }: {
  orgId: string;
  connectors: JsonConnector[];
  objects: string[];
  initial?: Automation;
  onSaved(saved: Automation): void;
}) {
  const [name, setName] = useState(initial?.name ?? '');
  const [trigger, setTrigger] = useState(() => initialTrigger(initial));
  const [connectorId, setConnectorId] = useState(initial?.connector_id ?? connectors.find((c) => c.enabled)?.connector_id ?? connectors[0]?.connector_id ?? '');
  const connector = connectors.find((c) => c.connector_id === connectorId);
  const [actionId, setActionId] = useState(initial?.action_id ?? connector?.actions[0]?.action_id ?? '');
  const action = connector?.actions.find((a) => a.action_id === actionId);
  const [sources, setSources] = useState<Sources>(() => Object.fromEntries((initial?.mapping ?? []).map((m) => [m.target, { source: m.source, transform: m.transform ?? 'none', valueMap: m.valueMap }])));
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [mappingErrors, setMappingErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => { form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(); }, [errors, mappingErrors]);

  const rows: MappingRow[] = useMemo(() => {
    const declared = (action?.inputs ?? []).map((i) => ({ target: i.name, required: i.required, declared: true }));
    const kept = Object.entries(sources).filter(([t, s]) => s.source && !declared.some((d) => d.target === t)).map(([target]) => ({ target, required: false, declared: false }));
    return [...declared, ...kept].map((r) => ({ ...r, source: sources[r.target]?.source ?? '', transform: sources[r.target]?.transform ?? 'none' }));
  }, [action, sources]);

  const chooseConnector = (id: string) => {
    setConnectorId(id);
    setActionId(connectors.find((c) => c.connector_id === id)?.actions[0]?.action_id ?? '');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const foundMapping: Record<string, string> = {};
    if (!name.trim()) found.name = 'Name the automation after what it does';
    if (trigger.type === 'schedule' && !trigger.cron.trim()) found['trigger.cron'] = 'Enter a cron expression, e.g. */15 * * * *';
    if (trigger.type === 'change_event' && !trigger.object.trim()) found['trigger.object'] = 'Name the object whose changes trigger it';
    if (trigger.type === 'change_event' && trigger.ops.length === 0) found['trigger.ops'] = 'Pick at least one kind of change';
    if (!connectorId) found.connector_id = 'Choose the connector to call';
    if (!actionId) found.action_id = 'Choose the action to run';
    for (const row of rows) if (row.required && !row.source.trim()) foundMapping[row.target] = 'Map an event field to this required input';
    setErrors(found);
    setMappingErrors(foundMapping);
    setFailure(undefined);
    if (Object.keys(found).length + Object.keys(foundMapping).length > 0) return setFailure('Some fields need attention.');

    // The API names mapping rows by their index in what is sent: remember which target each is.
    const mapped = rows.filter((r) => r.source.trim());
    const body: NewAutomation = {
      name: name.trim(), trigger: triggerOf(trigger), connector_id: connectorId, action_id: actionId, enabled,
      mapping: mapped.map((r) => ({ target: r.target, source: r.source.trim(), transform: r.transform, ...(sources[r.target]?.valueMap ? { valueMap: sources[r.target]!.valueMap } : {}) })),
    };
    setBusy(true);
    try {
      onSaved(initial ? await automationApi.update(orgId, initial.id, body) : await automationApi.create(orgId, body));
    } catch (e) {
      const error = e as ApiError;
      const fieldErrors: Record<string, string> = {};
      const rowErrors: Record<string, string> = {};
      for (const { field, message } of error.fields ?? []) {
        const row = /^mapping\.(\d+)/.exec(field);
        if (row && mapped[Number(row[1])]) rowErrors[mapped[Number(row[1])]!.target] = message;
        else fieldErrors[field] = message;
      }
      setFailure(error.status === 404 ? `${error.message}: the connector or its action is gone; choose another.` : error.message);
      setErrors(fieldErrors);
      setMappingErrors(rowErrors);
    } finally {
      setBusy(false);
    }
  };

  const leftover = Object.entries(errors).filter(([k]) => !['name', 'connector_id', 'action_id', 'trigger', 'trigger.type', 'trigger.cron', 'trigger.object', 'trigger.ops'].includes(k));
  return (
    <form ref={form} className="card form-narrow" onSubmit={submit} noValidate aria-label={initial ? `Edit ${initial.name}` : 'New automation'}>
      {failure ? (
        <Notice tone="error">
          {failure}
          {leftover.length > 0 ? <ul>{leftover.map(([k, m]) => <li key={k}><code>{k}</code>: {m}</li>)}</ul> : null}
        </Notice>
      ) : null}
      <Field id="automation-name" label="Name" required error={errors.name} help="What it does, as people will read it in lists and the audit log.">
        <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" disabled={busy} placeholder="New contacts to the partner" />
      </Field>
      <TriggerFields value={trigger} onChange={setTrigger} errors={errors} objects={objects} disabled={busy} />
      <fieldset className="form-section">
        <legend>Action</legend>
        <Field id="automation-connector" label="Connector" required error={errors.connector_id} help="JSON HTTP connectors registered by the platform.">
          <select value={connectorId} onChange={(e) => chooseConnector(e.target.value)} disabled={busy}>
            {connectorId ? null : <option value="">— choose —</option>}
            {connectors.map((c) => <option key={c.connector_id} value={c.connector_id}>{c.display_name}{c.enabled ? '' : ' (switched off by the platform)'}</option>)}
          </select>
        </Field>
        <Field id="automation-action" label="Action" required error={errors.action_id} help={action?.description}>
          <select value={actionId} onChange={(e) => setActionId(e.target.value)} disabled={busy || !connector}>
            {actionId ? null : <option value="">— choose —</option>}
            {(connector?.actions ?? []).map((a) => <option key={a.action_id} value={a.action_id}>{a.action_id} ({a.http_method})</option>)}
          </select>
        </Field>
        {rows.length > 0 ? (
          <InputMappingTable rows={rows} errors={mappingErrors} suggestions={SOURCE_SUGGESTIONS[trigger.type]} disabled={busy}
            onChange={(target, patch) => setSources((s) => ({ ...s, [target]: { source: s[target]?.source ?? '', transform: s[target]?.transform ?? 'none', ...s[target], ...patch } }))} />
        ) : <p className="muted">This action takes no inputs.</p>}
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} disabled={busy} /> Enabled: run when triggered
      </label>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : initial ? 'Save changes' : 'Create automation'}</button>
        <Link to="/automations" className="btn btn-ghost">Cancel</Link>
      </div>
    </form>
  );
}
