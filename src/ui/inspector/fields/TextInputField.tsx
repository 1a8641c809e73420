import type { KeyboardEvent } from 'react';
import type { Path } from '../configPath';
import { testId, useForm } from '../formContext';
import { FieldError } from './FieldError';
import { FieldRow } from './FieldRow';
import { type Parsed, useDraft } from './useDraft';

export type TextKind =
  | 'int'
  | 'num'
  | 'optionalNum'
  | 'text'
  | 'optionalText'
  | 'strings'
  | 'numbers'
  | 'json';

interface Props {
  kind: TextKind;
  path: Path;
  label: string;
  unit?: string | undefined;
  help?: string | undefined;
  placeholder?: string | undefined;
  compact?: boolean;
}

function format(kind: TextKind, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (kind === 'strings' || kind === 'numbers') return (value as unknown[]).join(', ');
  if (kind === 'json') return JSON.stringify(value, null, 2);
  return String(value);
}

function parse(kind: TextKind, text: string): Parsed {
  const trimmed = text.trim();
  switch (kind) {
    case 'int':
    case 'num':
    case 'optionalNum': {
      if (trimmed === '') {
        return kind === 'optionalNum'
          ? { ok: true, value: undefined }
          : { ok: false, message: 'a value is required' };
      }
      const n = Number(trimmed);
      if (!Number.isFinite(n)) return { ok: false, message: 'must be a number' };
      if (kind === 'int' && !Number.isInteger(n)) return { ok: false, message: 'must be a whole number' };
      return { ok: true, value: n };
    }
    case 'optionalText':
      return { ok: true, value: trimmed === '' ? undefined : text };
    case 'strings':
      return { ok: true, value: trimmed === '' ? [] : trimmed.split(/\s*,\s*/) };
    case 'numbers': {
      const parts = trimmed === '' ? [] : trimmed.split(/\s*,\s*/).map(Number);
      return parts.every(Number.isFinite)
        ? { ok: true, value: parts }
        : { ok: false, message: 'must be numbers separated by commas' };
    }
    case 'json':
      try {
        return { ok: true, value: JSON.parse(text) };
      } catch {
        return { ok: false, message: 'is not valid JSON' };
      }
    default:
      return { ok: true, value: text };
  }
}

/** Any field typed as text: numbers, strings, comma lists and JSON, committed on blur or Enter. */
export function TextInputField({ kind, path, label, unit, help, placeholder, compact }: Props) {
  const form = useForm();
  const id = testId(form, path);
  const draft = useDraft(
    path,
    (v) => format(kind, v),
    (t) => parse(kind, t),
  );
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (kind !== 'json' || e.metaKey || e.ctrlKey)) {
      e.preventDefault();
      draft.commit();
    } else if (e.key === 'Escape') {
      draft.revert();
    }
  };
  const common = {
    id,
    'data-testid': `field-${id}`,
    value: draft.text,
    placeholder,
    'aria-invalid': draft.error ? true : undefined,
    onBlur: draft.commit,
    onKeyDown,
    spellCheck: false,
  } as const;
  const numeric = kind === 'int' || kind === 'num';
  const control =
    kind === 'json' ? (
      <textarea
        className="input input--mono"
        rows={3}
        {...common}
        onChange={(e) => draft.onChange(e.target.value)}
      />
    ) : (
      <input
        className={numeric ? 'input input--num' : 'input'}
        inputMode={numeric ? 'decimal' : undefined}
        {...common}
        onChange={(e) => draft.onChange(e.target.value)}
      />
    );
  if (compact) {
    return (
      <div className={draft.error ? 'compact-field field--invalid' : 'compact-field'} title={label}>
        <label className="compact-label" htmlFor={id}>
          {label}
        </label>
        {control}
        {unit ? <span className="compact-unit">{unit}</span> : null}
        <FieldError error={draft.error} testId={`error-${id}`} />
      </div>
    );
  }
  return (
    <FieldRow
      label={label}
      unit={unit}
      help={help}
      error={draft.error}
      errorTestId={`error-${id}`}
      htmlFor={id}
    >
      {control}
    </FieldRow>
  );
}
