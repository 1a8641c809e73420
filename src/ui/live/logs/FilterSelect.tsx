interface Props {
  value: string;
  options: readonly { id: string; label: string }[];
  /** The first option, which filters nothing ("All nodes"). */
  allLabel: string;
  onChange: (id: string) => void;
  testId: string;
  /** What is filtered, for screen readers ("Event type"). */
  label: string;
}

/** One value to filter a log by (a node, an event type), or none (the empty value). */
export function FilterSelect({ value, options, allLabel, onChange, testId, label }: Props) {
  return (
    <select
      className="select select--sm"
      value={value}
      aria-label={label}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{allLabel}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
