import { useState } from 'react';
import { getIn, type Path } from '../configPath';
import { testId, useForm } from '../formContext';
import { FieldRow } from './FieldRow';
import { SwitchInput } from './SwitchInput';

interface Props {
  path: Path;
  label: string;
  help?: string | undefined;
}

/** A boolean setting as a switch. */
export function ToggleField({ path, label, help }: Props) {
  const form = useForm();
  const id = testId(form, path);
  const checked = getIn(form.root, path) === true;
  const [error, setError] = useState<string | null>(null);
  return (
    <FieldRow label={label} help={help} error={error} htmlFor={id}>
      <SwitchInput id={id} checked={checked} onToggle={(on) => setError(form.commit(path, on))} />
    </FieldRow>
  );
}
