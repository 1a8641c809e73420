import { useStore } from 'zustand';
import { formatPlace } from '../../core/model/validate';
import { useFrameWarning, useRunStop } from '../../state/liveSelectors';
import { liveStore } from '../../state/liveStore';
import { Icon } from '../icons/Icon';
import { RunStoppedNotice } from './RunStoppedNotice';

const selectLoadErrors = (s: ReturnType<typeof liveStore.getState>) => s.loadErrors;
const selectCrash = (s: ReturnType<typeof liveStore.getState>) =>
  s.workerStatus === 'crashed' || s.workerStatus === 'restarting' ? s.workerError : null;
const selectRecovered = (s: ReturnType<typeof liveStore.getState>) =>
  s.workerRestarts > 0 && s.workerStatus !== 'crashed' && s.workerStatus !== 'restarting'
    ? s.workerError
    : null;

/**
 * Problems of the run, stated over the canvas: a design the worker refused (every path and
 * message), a run a limit stopped, a model too heavy to keep up, and a worker crash with its
 * automatic restart.
 */
export function LiveNotices() {
  const loadErrors = useStore(liveStore, selectLoadErrors);
  const warning = useFrameWarning();
  const crash = useStore(liveStore, selectCrash);
  const recovered = useStore(liveStore, selectRecovered);
  const stop = useRunStop();
  if (loadErrors.length === 0 && !warning && !crash && !recovered && !stop) return null;
  return (
    <div className="live-notices">
      {loadErrors.length > 0 ? (
        <div className="live-notice live-notice--error" role="alert" data-testid="load-errors">
          <Icon name="alert" size={15} />
          <div className="live-notice-text">
            <div className="live-notice-title">The simulation refused this design</div>
            <ul>
              {loadErrors.slice(0, 8).map((e) => (
                <li key={`${e.path}:${e.message}`}>
                  {e.path ? <code>{formatPlace(e)}</code> : null} {e.message}
                </li>
              ))}
            </ul>
          </div>
          <button
            type="button"
            className="btn-icon btn-icon--xs"
            aria-label="Dismiss"
            onClick={() => liveStore.getState().setLoadErrors([])}
          >
            <Icon name="x" size={13} />
          </button>
        </div>
      ) : null}
      {stop ? <RunStoppedNotice stop={stop} /> : null}
      {crash ? (
        <div className="live-notice live-notice--error" role="alert" data-testid="worker-crash">
          <Icon name="alert" size={15} />
          <div className="live-notice-text">
            <div className="live-notice-title">The simulation engine crashed — restarting it</div>
            <div>{crash}. Your design is safe.</div>
          </div>
        </div>
      ) : recovered ? (
        <div className="live-notice live-notice--warning" data-testid="worker-recovered">
          <Icon name="info" size={15} />
          <div className="live-notice-text">
            <div className="live-notice-title">The simulation engine was restarted after a crash</div>
            <div>{recovered}. Your design is intact; press Run to simulate it again.</div>
          </div>
          <button
            type="button"
            className="btn-icon btn-icon--xs"
            aria-label="Dismiss"
            onClick={() => liveStore.setState({ workerError: null })}
          >
            <Icon name="x" size={13} />
          </button>
        </div>
      ) : null}
      {warning ? (
        <div className="live-notice live-notice--warning" role="status" data-testid="run-warning">
          <Icon name="alert" size={15} />
          <div className="live-notice-text">{warning}</div>
        </div>
      ) : null}
    </div>
  );
}
