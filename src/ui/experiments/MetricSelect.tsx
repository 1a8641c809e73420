import { useMemo } from 'react';
import { selectDocument, useDocumentStore } from '../../state/documentStore';
import { metricChoices } from '../../state/experiments/sweepChoices';
import { GroupedSelect } from './GroupedSelect';

/** The metric a sweep plots: an SLO's observed value, or a number of the run summary by its path. */
export function MetricSelect({ value, onChange }: { value: string; onChange: (metric: string) => void }) {
  const doc = useDocumentStore(selectDocument);
  const options = useMemo(
    () => metricChoices(doc).map((m) => ({ value: m.path, group: m.group, label: m.label })),
    [doc],
  );
  return <GroupedSelect id="sweep-metric" label="Plot" value={value} options={options} onChange={onChange} />;
}
