import { useState } from 'react';
import { nodeKindNames } from '../../../core/model/connections';
import type { NodeKind } from '../../../core/model/schema';
import { getIn, type Path } from '../configPath';
import { testId, useForm } from '../formContext';
import { FieldRow } from './FieldRow';

interface Props {
  path: Path;
  label: string;
  help?: string | undefined;
  /** Fixed options (an enum) or node kinds whose nodes are the options (a reference). */
  options?: readonly string[];
  /** How each fixed option reads (the option itself when absent). */
  labels?: Readonly<Record<string, string>> | undefined;
  kinds?: readonly NodeKind[];
  optional?: boolean | undefined;
}

const NONE = '\u0000none';

/** A select over an enum or over the diagram's nodes of some kinds; commits on change. */
export function ChoiceField({ path, label, help, options, labels, kinds, optional }: Props) {
  const form = useForm();
  const id = testId(form, path);
  const value = getIn(form.root, path) as string | undefined;
  const [error, setError] = useState<string | null>(null);
  const choices: { value: string; label: string }[] = kinds
    ? form.nodes
        .filter((n) => kinds.includes(n.kind))
        .map((n) => ({ value: n.id, label: `${n.label || n.id} · ${nodeKindNames[n.kind]}` }))
    : (options ?? []).map((o) => ({ value: o, label: labels?.[o] ?? o }));
  if (value !== undefined && value !== '' && !choices.some((c) => c.value === value)) {
    choices.unshift({ value, label: `${value} (missing)` });
  }
  const placeholder = optional ? '—' : kinds ? 'Choose a node…' : null;
  return (
    <FieldRow label={label} help={help} error={error} errorTestId={`error-${id}`} htmlFor={id}>
      <select
        id={id}
        className="select"
        data-testid={`field-${id}`}
        value={value === undefined || value === '' ? NONE : value}
        onChange={(e) => setError(form.commit(path, e.target.value === NONE ? undefined : e.target.value))}
      >
        {placeholder !== null || value === undefined ? (
          <option value={NONE}>{placeholder ?? '—'}</option>
        ) : null}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </FieldRow>
  );
}
