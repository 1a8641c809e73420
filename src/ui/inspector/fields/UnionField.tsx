import { useState } from 'react';
import { getIn, type Path } from '../configPath';
import { testId, useForm } from '../formContext';
import type { Field, MakeContext } from '../formSpec';
import { NestedFields } from '../NestedFields';
import { FieldError } from './FieldError';
import { FieldRow } from './FieldRow';

interface Props {
  path: Path;
  label: string;
  variants: Record<string, { make: (ctx: MakeContext) => unknown; fields: Field[] }>;
  /** Renders the variant's fields on one line after the kind (distributions). */
  inline?: boolean;
  /** Inline and without a label row, for a value inside another row (a map entry). */
  bare?: boolean;
  help?: string | undefined;
}

/** A tagged union (`kind`): a select for the variant, then that variant's own fields. */
export function UnionField({ path, label, variants, inline, bare, help }: Props) {
  const form = useForm();
  const id = testId(form, path);
  const current = getIn(form.root, path) as { kind?: string } | undefined;
  const kind = current?.kind ?? '';
  const [error, setError] = useState<string | null>(null);
  const variant = variants[kind];
  const select = (
    <select
      id={id}
      className="select"
      aria-label={bare ? label : undefined}
      data-testid={`field-${id}.kind`}
      value={kind}
      onChange={(e) => {
        const next = variants[e.target.value];
        if (next) setError(form.commit(path, next.make(form)));
      }}
    >
      {Object.keys(variants).map((k) => (
        <option key={k} value={k}>
          {k}
        </option>
      ))}
    </select>
  );
  if (bare) {
    return (
      <div className="inline-union" title={label}>
        {select}
        {variant ? <NestedFields fields={variant.fields} path={path} compact /> : null}
        <FieldError error={error} />
      </div>
    );
  }
  if (inline) {
    return (
      <FieldRow label={label} help={help} error={error} htmlFor={id}>
        <div className="inline-union">
          {select}
          {variant ? <NestedFields fields={variant.fields} path={path} compact /> : null}
        </div>
      </FieldRow>
    );
  }
  return (
    <>
      <FieldRow label={label} help={help} error={error} htmlFor={id}>
        {select}
      </FieldRow>
      {variant && variant.fields.length > 0 ? <NestedFields fields={variant.fields} path={path} /> : null}
    </>
  );
}
