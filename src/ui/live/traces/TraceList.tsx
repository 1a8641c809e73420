import type { Trace } from '../../../worker/protocol';
import { Icon } from '../../icons/Icon';
import { formatClock, formatLatency } from '../liveFormat';
import { traceBounds } from './waterfallLayout';

interface Props {
  traces: readonly Trace[];
  chosen: number | null;
  onChoose: (traceId: number) => void;
  onRefresh: () => void;
}

function traceFailed(trace: Trace): boolean {
  const root = trace.spans.find((s) => s.parentId === null);
  return !!root && root.status !== null && (root.status >= 400 || root.status === 0);
}

/** The sampled requests, newest first: name, start, duration and span count, failures marked. */
export function TraceList({ traces, chosen, onChoose, onRefresh }: Props) {
  return (
    <div className="trace-list" data-testid="trace-list">
      <div className="panel-toolbar">
        <span className="panel-toolbar-label">{traces.length} sampled requests</span>
        <span className="live-spacer" />
        <button
          type="button"
          className="btn-icon btn-icon--xs"
          aria-label="Refresh traces"
          title="Refresh"
          onClick={onRefresh}
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
              onClick={() => onChoose(t.traceId)}
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
  );
}
