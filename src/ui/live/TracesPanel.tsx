import { useCallback, useEffect, useMemo, useState } from 'react';
import { selectDocument, useDocumentStore } from '../../state/documentStore';
import { useRunStatus } from '../../state/liveSelectors';
import { setSelection } from '../../state/sessionStore';
import { fetchTraces } from '../../state/simSession';
import type { Trace } from '../../worker/protocol';
import { Icon } from '../icons/Icon';
import { formatClock, formatLatency } from './liveFormat';
import { traceBounds, waterfall } from './waterfallLayout';

/** Traces are fetched on demand: while running, at most every few seconds. */
const REFRESH_WHILE_RUNNING_MS = 3000;

function traceFailed(trace: Trace): boolean {
  const root = trace.spans.find((s) => s.parentId === null);
  return !!root && root.status !== null && (root.status >= 400 || root.status === 0);
}

/** Sampled requests as span waterfalls; clicking a span selects its node on the canvas. */
export function TracesPanel() {
  const status = useRunStatus();
  const doc = useDocumentStore(selectDocument);
  const [traces, setTraces] = useState<Trace[]>([]);
  const [chosen, setChosen] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const labels = useMemo(() => new Map(doc.nodes.map((n) => [n.id, n.label])), [doc.nodes]);

  const refresh = useCallback(async () => {
    try {
      const list = await fetchTraces();
      setTraces(list.slice().reverse());
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
    if (status !== 'running') return;
    const timer = setInterval(() => void refresh(), REFRESH_WHILE_RUNNING_MS);
    return () => clearInterval(timer);
  }, [status, refresh]);

  const trace = traces.find((t) => t.traceId === chosen) ?? null;
  const rows = useMemo(() => (trace ? waterfall(trace) : []), [trace]);
  const bounds = trace ? traceBounds(trace) : null;

  if (traces.length === 0) {
    return (
      <div className="empty-state" data-testid="traces-empty">
        <div className="empty-title">No traces yet</div>
        <div className="empty-text">
          One request in a hundred is traced. Run the simulation, then open one to see its spans hop by hop.
        </div>
      </div>
    );
  }
  return (
    <div className="traces-panel" data-testid="traces-panel">
      <div className="trace-list" data-testid="trace-list">
        <div className="panel-toolbar">
          <span className="panel-toolbar-label">{traces.length} sampled requests</span>
          <span className="live-spacer" />
          <button
            type="button"
            className="btn-icon btn-icon--xs"
            aria-label="Refresh traces"
            title="Refresh"
            onClick={() => void refresh()}
          >
            <Icon name="refresh" size={13} />
          </button>
        </div>
        <div className="trace-list-body">
          {traces.map((t) => {
            const b = traceBounds(t);
            const root = t.spans.find((s) => s.parentId === null);
            return (
              <button
                key={t.traceId}
                type="button"
                className={t.traceId === chosen ? 'trace-item is-active' : 'trace-item'}
                data-testid="trace-item"
                onClick={() => setChosen(t.traceId)}
              >
                <span className={traceFailed(t) ? 'trace-dot is-error' : 'trace-dot'} />
                <span className="trace-name">{root?.name ?? `trace ${t.traceId}`}</span>
                <span className="trace-meta">
                  {formatClock(t.startMs)} · {formatLatency(b.endMs - b.startMs)} · {t.spans.length} spans
                </span>
              </button>
            );
          })}
        </div>
      </div>
      <div className="waterfall" data-testid="waterfall">
        {error ? <div className="live-field-error">{error}</div> : null}
        {!trace || !bounds ? (
          <div className="empty-state">
            <div className="empty-text">Choose a request on the left to see its spans.</div>
          </div>
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
    </div>
  );
}
