import { COMPARE_FIELDS, type CompareField } from '../../state/experiments/compareView';

interface Props {
  /** The select's id, and its test id. */
  id: string;
  value: CompareField;
  onChange: (field: CompareField) => void;
}

/** The "Chart" picker of a per-node bar chart: which of the summary's per-node numbers it plots. */
export function FieldSelect({ id, value, onChange }: Props) {
  return (
    <label className="exp-inline" htmlFor={id}>
      <span className="exp-label">Chart</span>
      <select
        id={id}
        data-testid={id}
        className="select"
        value={value}
        onChange={(e) => onChange(e.target.value as CompareField)}
      >
        {COMPARE_FIELDS.map(([f, l]) => (
          <option key={f} value={f}>
            {l} per node
          </option>
        ))}
      </select>
    </label>
  );
}
