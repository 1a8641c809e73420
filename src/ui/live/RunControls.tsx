import './live.css';
import { useLiveSelector, useRunStatus } from '../../state/liveSelectors';
import { useWorkerStatus } from '../../state/liveStore';
import { setSelection } from '../../state/sessionStore';
import { pauseSimulation, resetSimulation, runSimulation, stepEvent, stepSpan } from '../../state/simSession';
import { Icon } from '../icons/Icon';
import { toast } from '../toast/toastStore';
import { ScenarioPopover } from './ScenarioPopover';
import { SimClock } from './SimClock';
import { SpeedPicker } from './SpeedPicker';
import { useDesignStale } from './useDesignStale';

async function stepToSpan(): Promise<void> {
  const nodeId = await stepSpan();
  if (nodeId) setSelection([nodeId], []);
  else toast('No request reached a node within 100,000 events.', 'info');
}

/** Run, pause, step, reset, speed, the simulated clock and the scenario, in the toolbar. */
export function RunControls() {
  const status = useRunStatus();
  const worker = useWorkerStatus();
  const stale = useDesignStale();
  const hasLayout = useLiveSelector(
    (s) => s.layout !== null,
    (a, b) => a === b,
  );
  const running = status === 'running';
  const down = worker === 'crashed' || worker === 'restarting' || worker === 'starting';
  return (
    <div className="live-controls" data-testid="run-controls-bar" data-run-status={status}>
      <button
        type="button"
        className={running ? 'btn live-run-btn is-running' : 'btn btn--primary live-run-btn'}
        data-testid="run-toggle"
        data-state={running ? 'running' : 'stopped'}
        title={running ? 'Pause (Space)' : status === 'paused' ? 'Resume (Space)' : 'Run (Space)'}
        disabled={down && !running}
        onClick={() => (running ? pauseSimulation() : void runSimulation())}
      >
        <Icon name={running ? 'pause' : 'play'} size={14} />
        {running ? 'Pause' : status === 'paused' ? 'Resume' : 'Run'}
      </button>
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
      <SpeedPicker />
      <SimClock />
      <ScenarioPopover />
    </div>
  );
}
