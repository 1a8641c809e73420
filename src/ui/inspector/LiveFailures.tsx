import { useMemo } from 'react';
import { failuresOf } from '../../state/failureData';
import { edgeOffset, nodeOffset, useLiveSelector } from '../../state/liveSelectors';
import type { LiveState } from '../../state/liveStore';
import { EDGE_COL, type Frame, NODE_COL } from '../../worker/protocol';
import { useThrottledLive } from '../live/useThrottledLive';

interface Props {
  scope: 'node' | 'edge';
  id: string;
}

const selectFrame = (s: LiveState) => s.frame;
const isEmpty = (f: Frame | null) => f === null;
const same = <T,>(a: T, b: T) => a === b;

/**
 * The Failures block of the inspector while a run is loaded: how many of the node's answers (or
 * the edge's calls) failed so far, and why, most frequent cause first. It redraws twice a second.
 */
export function LiveFailures({ scope, id }: Props) {
  const frame = useThrottledLive(selectFrame, 500, isEmpty);
  const layout = useLiveSelector((s) => s.layout, same);
  const causes = useMemo(() => failuresOf(frame, layout, scope, id), [frame, layout, scope, id]);
  if (!frame || !layout) return null;
  const o = scope === 'node' ? nodeOffset(layout, id) : edgeOffset(layout, id);
  if (o < 0) return null;
  const stats = scope === 'node' ? frame.nodeStats : frame.edgeStats;
  const failed = stats[o + (scope === 'node' ? NODE_COL.failed : EDGE_COL.failed)]!;
  const total = scope === 'node' ? failed + stats[o + NODE_COL.completed]! : stats[o + EDGE_COL.calls]!;
  const what = scope === 'node' ? 'answers' : 'calls';
  return (
    <section className="inspector-section live-failures" data-testid="inspector-failures">
      <h3 className="inspector-section-title">Failures in this run</h3>
      <p className="live-failures-total" data-testid="inspector-failures-total">
        {failed === 0
          ? `None of ${total.toLocaleString('en-US')} ${what} failed so far.`
          : `${failed.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${what} failed, by cause:`}
      </p>
      {causes.length > 0 ? (
        <ul className="live-failures-list">
          {causes.map((c) => (
            <li key={c.cause} data-testid="inspector-failure" data-cause={c.cause}>
              <span className="live-failures-label">{c.label}</span>
              <span className="live-failures-count">{c.count.toLocaleString('en-US')}</span>
              <span className="live-failures-share">
                {Math.round((100 * c.count) / Math.max(1, failed))}%
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
