import type { RunStop } from '../../worker/protocol';
import { Icon } from '../icons/Icon';

/** The title of each limit's notice, in the words of what ran out. */
const TITLES: Record<RunStop['limit'], string> = {
  events: 'The run was stopped: it reached its limit of events',
  inFlight: 'The run was stopped: too many requests piled up',
  memory: 'The run was stopped: its memory budget ran out',
  clock: 'The run was stopped: its clock stood still',
  wallTime: 'The run was stopped: it took too long',
};

/**
 * A run a limit stopped, stated over the canvas: which limit, which node filled up and when (the
 * message), and that everything on screen is the run up to that moment.
 */
export function RunStoppedNotice({ stop }: { stop: RunStop }) {
  return (
    <div className="live-notice live-notice--error" role="alert" data-testid="run-stopped">
      <Icon name="alert" size={15} />
      <div className="live-notice-text">
        <div className="live-notice-title">{TITLES[stop.limit]}</div>
        <div>{stop.message}</div>
        <div className="live-notice-hint">
          The canvas, the charts and the state show the run up to the stop. Lower the load or give the node
          more capacity, then run again.
        </div>
      </div>
    </div>
  );
}
