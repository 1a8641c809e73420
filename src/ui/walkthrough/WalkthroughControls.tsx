import { useEffect, useRef } from 'react';
import { exitWalkthrough, nextHop, startWalkthrough, useWalkthrough } from '../../state/walkthroughStore';
import { Icon } from '../icons/Icon';
import { formatMs } from './narrative';

/** The walkthrough's footer: Back to start, Exit, the simulated clock and Next (focused at the start). */
export function WalkthroughControls() {
  const status = useWalkthrough((s) => s.status);
  const steps = useWalkthrough((s) => s.steps);
  const nextRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (status === 'ready' && steps.length === 0) nextRef.current?.focus();
  }, [status, steps.length]);
  const busy = status === 'loading' || status === 'stepping';
  const done = status === 'done';
  const last = steps.at(-1);
  return (
    <footer className="wt-foot">
      <button
        type="button"
        className="btn btn--ghost btn--xs"
        data-testid="walkthrough-restart"
        disabled={busy || steps.length === 0}
        onClick={() => void startWalkthrough()}
      >
        <Icon name="reset" size={13} />
        Back to start
      </button>
      <button
        type="button"
        className="btn btn--ghost btn--xs"
        data-testid="walkthrough-exit"
        onClick={() => void exitWalkthrough()}
      >
        Exit
      </button>
      <span className="wt-clock" data-testid="walkthrough-clock">
        {last ? `t = ${formatMs(last.nowMs)}` : 't = 0'}
      </span>
      <button
        type="button"
        ref={nextRef}
        className="btn btn--primary wt-next"
        data-testid="walkthrough-next"
        disabled={busy || done || status === 'error'}
        onClick={() => void nextHop()}
      >
        {done ? 'Done' : 'Next'}
        {done ? null : <Icon name="chevronRight" size={14} />}
      </button>
    </footer>
  );
}
