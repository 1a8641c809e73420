import { selectDocument, useDocumentStore } from '../../state/documentStore';
import { useLiveSelector, useNowMs } from '../../state/liveSelectors';
import { formatClock, formatDurationSec } from './liveFormat';

/** The simulated clock: time reached over the run's duration. */
export function SimClock() {
  const nowMs = useNowMs();
  const durationMs = useLiveSelector(
    (s) => s.layout?.durationMs ?? null,
    (a, b) => a === b,
  );
  const doc = useDocumentStore(selectDocument);
  const totalSec = durationMs !== null ? durationMs / 1000 : doc.scenario.durationSec;
  return (
    <div className="live-clock" title="Simulated time / run duration">
      <span className="live-clock-now" data-testid="sim-clock" data-now-ms={Math.round(nowMs)}>
        {formatClock(nowMs)}
      </span>
      <span className="live-clock-total">/ {formatDurationSec(totalSec)}</span>
    </div>
  );
}
