import { useMemo, useState } from 'react';
import { selectDocument, useDocumentStore } from '../../state/documentStore';
import { MAX_RUNS, runSweep, setSweepForm, useExperiment } from '../../state/experiments/experimentStore';
import {
  defaultRange,
  defaultSweepForm,
  numericFields,
  type SweepForm,
} from '../../state/experiments/sweepChoices';
import { Icon } from '../icons/Icon';
import { GroupedSelect } from './GroupedSelect';
import { MetricSelect } from './MetricSelect';

/** What the form holds while it is edited: numbers as typed. */
type Draft = Omit<SweepForm, 'from' | 'to' | 'steps' | 'replications'> & {
  from: string;
  to: string;
  steps: string;
  replications: string;
};

const toDraft = (f: SweepForm): Draft => ({
  ...f,
  from: String(f.from),
  to: String(f.to),
  steps: String(f.steps),
  replications: String(f.replications),
});

const toForm = (d: Draft): SweepForm => ({
  ...d,
  from: Number(d.from),
  to: Number(d.to),
  steps: Number(d.steps),
  replications: Number(d.replications),
});

/** The sweep's settings: the field to vary and its range, the replications, the metric; and Run. */
export function SweepFormFields() {
  const doc = useDocumentStore(selectDocument);
  const saved = useExperiment((s) => s.sweepForm);
  const busy = useExperiment((s) => s.job !== null);
  const fields = useMemo(() => numericFields(doc), [doc]);
  const [draft, setDraft] = useState<Draft>(() => toDraft(saved ?? defaultSweepForm(doc)));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const pickField = (path: string) => {
    const range = defaultRange(doc, path);
    set({ path, from: String(range.from), to: String(range.to), steps: String(range.steps) });
  };
  const runs = Number(draft.steps) * Number(draft.replications);
  const run = () => {
    const form = toForm(draft);
    setSweepForm(form);
    void runSweep(form);
  };
  return (
    <form
      className="exp-form"
      data-testid="sweep-form"
      onSubmit={(e) => {
        e.preventDefault();
        run();
      }}
    >
      <GroupedSelect
        id="sweep-parameter"
        label="Vary"
        value={draft.path}
        options={fields.map((f) => ({ value: f.path, group: f.group, label: `${f.label} = ${f.value}` }))}
        onChange={pickField}
      />
      <div className="exp-row">
        <NumberInput id="sweep-from" label="From" value={draft.from} onChange={(from) => set({ from })} />
        <NumberInput id="sweep-to" label="To" value={draft.to} onChange={(to) => set({ to })} />
        <NumberInput
          id="sweep-steps"
          label="Steps"
          value={draft.steps}
          onChange={(steps) => set({ steps })}
        />
      </div>
      <NumberInput
        id="sweep-replications"
        label="Replications per point"
        value={draft.replications}
        onChange={(replications) => set({ replications })}
      />
      <MetricSelect
        value={draft.metric}
        onChange={(metric) => {
          set({ metric });
          if (saved) setSweepForm({ ...saved, metric });
        }}
      />
      <button type="submit" className="btn btn--primary" data-testid="sweep-run" disabled={busy}>
        <Icon name="play" size={13} /> Run sweep
      </button>
      <p className="exp-hint">
        {Number.isFinite(runs) && runs > 0 ? `${runs} runs` : 'Steps × replications runs'} of{' '}
        {doc.scenario.durationSec} s each, seeds {doc.scenario.seed} and up (at most {MAX_RUNS}).
      </p>
    </form>
  );
}

interface NumberInputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}

function NumberInput({ id, label, value, onChange }: NumberInputProps) {
  return (
    <label className="exp-field" htmlFor={id}>
      <span className="exp-label">{label}</span>
      <input
        id={id}
        data-testid={id}
        className="input"
        type="number"
        step="any"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
