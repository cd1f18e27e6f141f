import { cloneElement, useId, type ReactElement } from 'react';

/**
 * A labelled form control with its help text, required marker and error, tied together by ids
 * so screen readers announce them and a click on the label focuses the control.
 */
export function Field({ label, required, help, error, children, id: givenId }: {
  label: string;
  required?: boolean;
  help?: string;
  error?: string;
  id?: string;
  children: ReactElement<Record<string, unknown>>;
}) {
  const generated = useId();
  const id = givenId ?? generated;
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const control = cloneElement(children, {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-required': required || undefined,
    'aria-describedby': [helpId, errorId].filter(Boolean).join(' ') || undefined,
  });
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required" aria-hidden="true"> *</span> : <span className="optional"> (optional)</span>}
      </label>
      {control}
      {help ? <p className="field-help" id={helpId}>{help}</p> : null}
      {error ? <p className="field-error" id={errorId}>{error}</p> : null}
    </div>
  );
}
