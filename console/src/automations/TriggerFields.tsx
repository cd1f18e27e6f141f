import { Field } from '../components/Field.js';
import { TRIGGER_LABELS, type TriggerType } from './describe.js';
import type { ChangeOp } from './types.js';

export interface TriggerValue {
  type: TriggerType;
  cron: string;
  object: string;
  ops: ChangeOp[];
}

const OPS: ChangeOp[] = ['insert', 'update', 'delete'];
const HELP: Record<TriggerType, string> = {
  schedule: 'Runs once per workspace of the organisation at each slot.',
  change_event: 'Runs for every change a sync records for this object, in any workspace of the organisation.',
  webhook: 'Runs when your system POSTs to the automation’s URL. A token is made when you save and shown once.',
};

/** The trigger: its kind as radio buttons, then the fields that kind needs. */
export function TriggerFields({ value, onChange, errors, objects, disabled }: {
  value: TriggerValue;
  onChange(v: TriggerValue): void;
  errors: Record<string, string>;
  /** Objects the catalogue's connectors read, offered for change events. */
  objects: string[];
  disabled?: boolean;
}) {
  const set = (patch: Partial<TriggerValue>) => onChange({ ...value, ...patch });
  const typeError = errors['trigger.type'] ?? errors.trigger;
  return (
    <fieldset className="form-section">
      <legend>Trigger</legend>
      <div className="radio-group" role="radiogroup" aria-label="Kind of trigger" aria-describedby="trigger-help">
        {(Object.keys(TRIGGER_LABELS) as TriggerType[]).map((type) => (
          <label key={type} className="radio">
            <input type="radio" name="trigger-type" value={type} checked={value.type === type} onChange={() => set({ type })} disabled={disabled} />
            {TRIGGER_LABELS[type]}
          </label>
        ))}
      </div>
      <p className="field-help" id="trigger-help">{HELP[value.type]}</p>
      {typeError ? <p className="field-error">{typeError}</p> : null}
      {value.type === 'schedule' ? (
        <Field id="automation-cron" label="Schedule (cron, UTC)" required error={errors['trigger.cron']} help="Five fields: minute hour day month weekday. */15 * * * * is every 15 minutes; 0 2 * * * is 02:00 daily.">
          <input className="input-mono" value={value.cron} onChange={(e) => set({ cron: e.target.value })} placeholder="*/15 * * * *" autoComplete="off" spellCheck={false} disabled={disabled} />
        </Field>
      ) : null}
      {value.type === 'change_event' ? (
        <>
          <Field id="automation-object" label="Object" required error={errors['trigger.object']} help="The stream object whose changes trigger it, e.g. contacts.">
            <input value={value.object} onChange={(e) => set({ object: e.target.value })} list="automation-objects" autoComplete="off" spellCheck={false} disabled={disabled} />
          </Field>
          <datalist id="automation-objects">{objects.map((o) => <option key={o} value={o} />)}</datalist>
          <fieldset className="radio-group" aria-describedby={errors['trigger.ops'] ? 'automation-ops-error' : undefined}>
            <legend>Changes</legend>
            {OPS.map((op) => (
              <label key={op} className="checkbox">
                <input type="checkbox" checked={value.ops.includes(op)} disabled={disabled}
                  aria-invalid={errors['trigger.ops'] ? true : undefined}
                  onChange={(e) => set({ ops: e.target.checked ? OPS.filter((o) => o === op || value.ops.includes(o)) : value.ops.filter((o) => o !== op) })} />
                {op}
              </label>
            ))}
            {errors['trigger.ops'] ? <p className="field-error" id="automation-ops-error">{errors['trigger.ops']}</p> : null}
          </fieldset>
        </>
      ) : null}
    </fieldset>
  );
}
