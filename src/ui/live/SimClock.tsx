import { useLayoutEffect, useRef } from 'react';
import { selectDocument, useDocumentStore } from '../../state/documentStore';
import { useLiveSelector } from '../../state/liveSelectors';
import { onEveryFrame, setAttr, setText } from './liveDom';
import { formatClock, formatDurationSec } from './liveFormat';

/**
 * The simulated clock: time reached over the run's duration. The time is written into the DOM on
 * each frame (see liveDom), not rendered: it is the one number that changes with every frame.
 */
export function SimClock() {
  const durationMs = useLiveSelector(
    (s) => s.layout?.durationMs ?? null,
    (a, b) => a === b,
  );
  const doc = useDocumentStore(selectDocument);
  const totalSec = durationMs !== null ? durationMs / 1000 : doc.scenario.durationSec;
  const nowRef = useRef<HTMLSpanElement>(null);
  useLayoutEffect(
    () =>
      onEveryFrame((s) => {
        const nowMs = s.frame?.nowMs ?? 0;
        setText(nowRef.current, formatClock(nowMs));
        setAttr(nowRef.current, 'data-now-ms', String(Math.round(nowMs)));
      }),
    [],
  );
  return (
    <div className="live-clock" title="Simulated time / run duration">
      <span className="live-clock-now" data-testid="sim-clock" ref={nowRef}>
        {formatClock(0)}
      </span>
      <span className="live-clock-total">/ {formatDurationSec(totalSec)}</span>
    </div>
  );
}
