interface Option {
  value: string;
  group: string;
  label: string;
}

interface Props {
  id: string;
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
  disabled?: boolean;
}

/** A labelled select whose options are grouped (consecutive options of one group share an optgroup). */
export function GroupedSelect({ id, label, value, options, onChange, disabled }: Props) {
  const groups: { name: string; options: Option[] }[] = [];
  for (const o of options) {
    const last = groups.at(-1);
    if (last && last.name === o.group) last.options.push(o);
    else groups.push({ name: o.group, options: [o] });
  }
  const known = options.some((o) => o.value === value);
  return (
    <label className="exp-field" htmlFor={id}>
      <span className="exp-label">{label}</span>
      <select
        id={id}
        data-testid={id}
        className="select"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        {known ? null : <option value={value}>{value || '—'}</option>}
        {groups.map((g) => (
          <optgroup key={g.name} label={g.name}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
