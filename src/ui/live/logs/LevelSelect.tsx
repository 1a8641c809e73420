import type { Severity } from '../../../worker/protocol';

/** The levels of the event log and of the distributed log, least severe first. */
const levels: readonly Severity[] = ['debug', 'info', 'warn', 'error'];

interface Props {
  value: Severity;
  onChange: (level: Severity) => void;
  testId: string;
  /** What the level filters, for screen readers ("Event level"). */
  label: string;
}

/** A minimum level: everything, or one level and those above it. */
export function LevelSelect({ value, onChange, testId, label }: Props) {
  return (
    <select
      className="select select--sm"
      value={value}
      aria-label={label}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value as Severity)}
    >
      {levels.map((l) => (
        <option key={l} value={l}>
          {l === 'debug' ? 'All levels' : `${l} and above`}
        </option>
      ))}
    </select>
  );
}
