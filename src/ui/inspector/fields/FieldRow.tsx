import type { ReactNode } from 'react';
import { FieldError } from './FieldError';

interface Props {
  label: string;
  unit?: string | undefined;
  help?: string | undefined;
  error?: string | null | undefined;
  errorTestId?: string | undefined;
  htmlFor?: string | undefined;
  children: ReactNode;
}

/** Label, control, inline refusal and help text of one inspector field, laid out the same everywhere. */
export function FieldRow({ label, unit, help, error, errorTestId, htmlFor, children }: Props) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field-label" htmlFor={htmlFor}>
        {label}
        {unit ? <span className="field-unit">{unit}</span> : null}
      </label>
      <div className="field-control">{children}</div>
      {error ? (
        <FieldError error={error} testId={errorTestId} />
      ) : help ? (
        <div className="field-help">{help}</div>
      ) : null}
    </div>
  );
}
