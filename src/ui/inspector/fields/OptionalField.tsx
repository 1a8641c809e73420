import { useState } from 'react';
import { getIn, type Path } from '../configPath';
import { testId, useForm } from '../formContext';
import type { Field, MakeContext } from '../formSpec';
import { NestedFields } from '../NestedFields';
import { FieldError } from './FieldError';
import { SwitchInput } from './SwitchInput';

interface Props {
  path: Path;
  label: string;
  help?: string | undefined;
  make: (ctx: MakeContext) => unknown;
  fields: Field[];
}

/** A setting that may be absent (breaker, rate limit): a switch that adds defaults or removes it. */
export function OptionalField({ path, label, help, make, fields }: Props) {
  const form = useForm();
  const id = testId(form, path);
  const value = getIn(form.root, path);
  const on = value !== undefined && value !== null;
  const [error, setError] = useState<string | null>(null);
  return (
    <div className={on ? 'optional optional--on' : 'optional'}>
      <label className="optional-head" htmlFor={id}>
        <span className="optional-title">{label}</span>
        <SwitchInput
          id={id}
          checked={on}
          onToggle={(checked) => setError(form.commit(path, checked ? make(form) : undefined))}
        />
      </label>
      <FieldError error={error} />
      {!on && help ? <div className="field-help">{help}</div> : null}
      {on ? (
        <div className="optional-body">
          <NestedFields fields={fields} path={path} />
        </div>
      ) : null}
    </div>
  );
}
