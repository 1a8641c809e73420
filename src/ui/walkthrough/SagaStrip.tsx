import { SAGA_COMPENSATIONS, SAGA_FORWARD_STEPS } from '../../core/domain/orderSaga';
import type { WalkthroughSaga } from '../../worker/protocol';
import { sagaStepLabels } from './narrative';

type Mark = 'done' | 'current' | 'failed' | 'undo' | 'todo';

function marks(saga: WalkthroughSaga): { step: string; mark: Mark }[] {
  const ok = new Set<string>(saga.history.filter((t) => t.outcome === 'ok').map((t) => t.step));
  const refused = new Set<string>(saga.history.filter((t) => t.outcome !== 'ok').map((t) => t.step));
  const current: string | null = saga.state === 'completed' || saga.state === 'failed' ? null : saga.name;
  const mark = (step: string): Mark => {
    if (step === current) return 'current';
    if (refused.has(step) && !ok.has(step)) return 'failed';
    if (ok.has(step)) return 'done';
    return 'todo';
  };
  const out: { step: string; mark: Mark }[] = SAGA_FORWARD_STEPS.map((step) => ({ step, mark: mark(step) }));
  // Compensations appear once the saga needs them, in the order it ran them.
  for (const step of SAGA_COMPENSATIONS) {
    if (ok.has(step) || refused.has(step) || current === step) {
      out.push({ step, mark: current === step ? 'current' : 'undo' });
    }
  }
  return out;
}

/** The create-order saga's steps as a strip: done, current, refused, compensations and still to come. */
export function SagaStrip({ saga }: { saga: WalkthroughSaga }) {
  return (
    <ol className="wt-saga" aria-label="Saga steps" data-testid="walkthrough-saga" data-state={saga.state}>
      {marks(saga).map(({ step, mark }) => (
        <li key={step} className={`wt-saga-step is-${mark}`} data-step={step} title={step}>
          {sagaStepLabels[step] ?? step}
        </li>
      ))}
    </ol>
  );
}
