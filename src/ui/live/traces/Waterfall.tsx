import { useMemo } from 'react';
import { setSelection } from '../../../state/sessionStore';
import type { Trace } from '../../../worker/protocol';
import { EmptyState } from '../EmptyState';
import { formatClock, formatLatency } from '../liveFormat';
import { traceBounds, waterfall } from './waterfallLayout';

interface Props {
  trace: Trace | null;
  labels: ReadonlyMap<string, string>;
  error: string | null;
}

/** One trace's spans as bars on its time line; clicking a span selects its node on the canvas. */
export function Waterfall({ trace, labels, error }: Props) {
  const rows = useMemo(() => (trace ? waterfall(trace) : []), [trace]);
  const bounds = trace ? traceBounds(trace) : null;
  return (
    <div className="waterfall" data-testid="waterfall">
      {error ? <div className="live-field-error">{error}</div> : null}
      {!trace || !bounds ? (
        <EmptyState>Choose a request on the left to see its spans.</EmptyState>
      ) : (
        <>
          <div className="waterfall-head">
            <span>Trace #{trace.traceId}</span>
            <span className="panel-toolbar-hint">
              started {formatClock(bounds.startMs)} · took {formatLatency(bounds.endMs - bounds.startMs)}
            </span>
          </div>
          <div className="waterfall-rows">
            {rows.map((r) => (
              <button
                key={r.span.spanId}
                type="button"
                className="waterfall-row"
                data-testid="span-row"
                data-node={r.span.nodeId}
                title={`${r.span.name} — ${labels.get(r.span.nodeId) ?? r.span.nodeId}${r.span.status !== null ? ` · ${r.span.status}` : ''}`}
                onClick={() => setSelection([r.span.nodeId], [])}
              >
                <span className="waterfall-label" style={{ paddingLeft: 8 + r.depth * 12 }}>
                  <span className="waterfall-node">{labels.get(r.span.nodeId) ?? r.span.nodeId}</span>
                  <span className="waterfall-name">{r.span.name}</span>
                </span>
                <span className="waterfall-track">
                  <span
                    className={`waterfall-bar is-${r.tone}`}
                    style={{ left: `${r.leftPct}%`, width: `${r.widthPct}%` }}
                  />
                </span>
                <span className="waterfall-dur">
                  {r.durationMs === null ? 'open' : formatLatency(r.durationMs)}
                  {r.span.status !== null ? (
                    <span className={`waterfall-status is-${r.tone}`}>{r.span.status}</span>
                  ) : null}
                </span>
              </button>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
