import { useEffect, useState } from 'react';

interface Props {
  value: number;
  min: number;
  max: number;
  integer?: boolean;
  unit?: string;
  label: string;
  testId: string;
  onCommit: (value: number) => void;
}

/** A number input that commits on Enter or blur and refuses out-of-range values with a reason. */
export function NumberField({ value, min, max, integer, unit, label, testId, onCommit }: Props) {
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(String(value));
    setError(null);
  }, [value]);

  const commit = () => {
    const n = Number(draft.trim());
    const problem =
      draft.trim() === '' || !Number.isFinite(n)
        ? 'must be a number'
        : integer && !Number.isInteger(n)
          ? 'must be a whole number'
          : n < min || n > max
            ? `must be between ${min} and ${max}`
            : null;
    setError(problem);
    if (!problem && n !== value) onCommit(n);
  };

  return (
    <label className="live-field">
      <span className="live-field-label">{label}</span>
      <span className="live-field-input">
        <input
          className="input input--num"
          inputMode="decimal"
          value={draft}
          aria-invalid={error ? true : undefined}
          data-testid={testId}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
        {unit ? <span className="live-field-unit">{unit}</span> : null}
      </span>
      {error ? (
        <span className="live-field-error" data-testid={`${testId}-error`}>
          {error}
        </span>
      ) : null}
    </label>
  );
}
