import './live.css';
import { useLiveSelector, useRunStatus } from '../../state/liveSelectors';
import { useWorkerStatus } from '../../state/liveStore';
import { setSelection } from '../../state/sessionStore';
import { resetSimulation, stepEvent, stepSpan, toggleRun } from '../../state/simSession';
import { Icon } from '../icons/Icon';
import { toast } from '../toast/toastStore';
import { useDesignStale } from './useDesignStale';

async function stepToSpan(): Promise<void> {
  const nodeId = await stepSpan();
  if (nodeId) setSelection([nodeId], []);
  else toast('No request reached a node within 100,000 events.', 'info');
}

function useWorkerDown(): boolean {
  const worker = useWorkerStatus();
  return worker === 'crashed' || worker === 'restarting' || worker === 'starting';
}

/** Run, pause or resume: the one control the toolbar always shows. */
export function RunToggle() {
  const status = useRunStatus();
  const down = useWorkerDown();
  const running = status === 'running';
  return (
    <button
      type="button"
      className={running ? 'btn live-run-btn is-running' : 'btn btn--primary live-run-btn'}
      data-testid="run-toggle"
      data-state={running ? 'running' : 'stopped'}
      title={running ? 'Pause (Space)' : status === 'paused' ? 'Resume (Space)' : 'Run (Space)'}
      disabled={down && !running}
      onClick={() => void toggleRun()}
    >
      <Icon name={running ? 'pause' : 'play'} size={14} />
      {running ? 'Pause' : status === 'paused' ? 'Resume' : 'Run'}
    </button>
  );
}

/** Step one event, step to the next request span, reset. */
export function StepButtons() {
  const down = useWorkerDown();
  const stale = useDesignStale();
  const hasLayout = useLiveSelector(
    (s) => s.layout !== null,
    (a, b) => a === b,
  );
  return (
    <div className="live-btn-group">
      <button
        type="button"
        className="btn-icon"
        aria-label="Step one event"
        title="Step one engine event"
        data-testid="step-event"
        disabled={down}
        onClick={() => void stepEvent()}
      >
        <Icon name="stepOne" />
      </button>
      <button
        type="button"
        className="btn-icon"
        aria-label="Step to the next request span"
        title="Step to the next request span (selects the node it reaches)"
        data-testid="step-span"
        disabled={down}
        onClick={() => void stepToSpan()}
      >
        <Icon name="stepSpan" />
      </button>
      <button
        type="button"
        className={stale ? 'btn-icon live-reset is-stale' : 'btn-icon live-reset'}
        aria-label="Reset"
        title={stale ? 'Reset — the design changed: reset to simulate the new one' : 'Reset to time zero'}
        data-testid="reset"
        disabled={down || (!hasLayout && !stale)}
        onClick={() => void resetSimulation()}
      >
        <Icon name="reset" />
      </button>
    </div>
  );
}
