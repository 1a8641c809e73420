import './experiments.css';
import {
  type ExperimentKind,
  setExperimentTab,
  useExperiment,
} from '../../state/experiments/experimentStore';
import { Modal } from '../dialogs/Modal';
import { CapacityPanel } from './CapacityPanel';
import { ComparePanel } from './ComparePanel';
import { ExperimentProgress } from './ExperimentProgress';
import { ReplicationsPanel } from './ReplicationsPanel';
import { SweepPanel } from './SweepPanel';

const tabs = [
  { id: 'sweep', label: 'Sweep', hint: 'a parameter against a metric' },
  { id: 'replications', label: 'Replications', hint: 'one design, many seeds' },
  { id: 'compare', label: 'Compare', hint: 'two designs, same seeds' },
  { id: 'capacity', label: 'Capacity', hint: 'load until the SLOs break' },
] as const;

/**
 * The Experiment panel: a sweep of one parameter (the latency-vs-load curve with its 95 % band and
 * SLO lines), the current design's replications (means with 95 % intervals), a comparison of two
 * designs, or a capacity search (the highest rate at which the SLOs hold), each over many seeded
 * runs in the experiment pool.
 * Closing it leaves a running experiment running; its progress shows again when it reopens.
 */
export function ExperimentDialog() {
  const tab = useExperiment((s) => s.tab);
  return (
    <Modal
      title="Experiments"
      subtitle="Many seeded runs of a design, in background workers, summarised with 95 % intervals."
      testId="experiment-dialog"
      width="min(1120px, calc(100vw - 48px))"
      className="modal--wide"
    >
      <div className="exp-tabs" role="tablist" aria-label="Experiment">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`exp-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`exp-panel-${t.id}`}
            className={tab === t.id ? 'exp-tab is-active' : 'exp-tab'}
            data-testid={`exp-tab-${t.id}`}
            onClick={() => setExperimentTab(t.id)}
          >
            {t.label} <span className="exp-tab-hint">{t.hint}</span>
          </button>
        ))}
        <span className="exp-spacer" />
        <ExperimentProgress />
      </div>
      <div role="tabpanel" id={`exp-panel-${tab}`} aria-labelledby={`exp-tab-${tab}`} className="exp-body">
        <TabPanel tab={tab} />
      </div>
    </Modal>
  );
}

function TabPanel({ tab }: { tab: ExperimentKind }) {
  if (tab === 'sweep') return <SweepPanel />;
  if (tab === 'replications') return <ReplicationsPanel />;
  if (tab === 'compare') return <ComparePanel />;
  return <CapacityPanel />;
}
