import { useMemo, useState } from 'react';
import { selectNodes, useDocumentStore } from '../../state/documentStore';
import type { LiveState } from '../../state/liveStore';
import { setSelection } from '../../state/sessionStore';
import type { LogEntry, Severity } from '../../worker/protocol';
import { Icon } from '../icons/Icon';
import { type EventFilter, eventTypes, filterEvents, noFilter, severities } from './eventFilter';
import { formatClock } from './liveFormat';
import { useThrottledLive } from './useThrottledLive';
import { VirtualList } from './VirtualList';

const ROW_HEIGHT = 24;
const selectLog = (s: LiveState) => s.log;
const isEmpty = (log: LogEntry[]) => log.length === 0;

/** The run's event log: virtualised, filterable by type, node, severity and text, following the newest. */
export function EventLogPanel() {
  const log = useThrottledLive(selectLog, 250, isEmpty);
  const nodes = useDocumentStore(selectNodes);
  const [filter, setFilter] = useState<EventFilter>(noFilter);
  const [follow, setFollow] = useState(true);
  const labels = useMemo(() => new Map(nodes.map((n) => [n.id, n.label])), [nodes]);
  const types = useMemo(() => eventTypes(log), [log]);
  const shown = useMemo(() => filterEvents(log, filter), [log, filter]);
  const patch = (p: Partial<EventFilter>) => setFilter((f) => ({ ...f, ...p }));

  const renderRow = (i: number) => {
    const e = shown[i]!;
    return (
      <div className={`event-row is-${e.severity}`} data-testid="event-row" data-type={e.type}>
        <span className="event-time">{formatClock(e.atMs)}</span>
        <span className={`event-sev event-sev--${e.severity}`}>{e.severity}</span>
        <span className="event-type">{e.type}</span>
        {e.nodeId ? (
          <button type="button" className="event-node" onClick={() => setSelection([e.nodeId!], [])}>
            {labels.get(e.nodeId) ?? e.nodeId}
          </button>
        ) : (
          <span className="event-node event-node--none">—</span>
        )}
        <span className="event-msg" title={e.message}>
          {e.message}
        </span>
      </div>
    );
  };

  return (
    <div className="event-panel" data-testid="event-log">
      <div className="panel-toolbar">
        <span className="panel-search">
          <Icon name="search" size={13} />
          <input
            className="input"
            placeholder="Search messages"
            value={filter.text}
            data-testid="event-search"
            onChange={(e) => patch({ text: e.target.value })}
          />
        </span>
        <select
          className="select select--sm"
          value={filter.type}
          data-testid="event-type"
          onChange={(e) => patch({ type: e.target.value })}
        >
          <option value="">All types</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <select
          className="select select--sm"
          value={filter.nodeId}
          data-testid="event-node"
          onChange={(e) => patch({ nodeId: e.target.value })}
        >
          <option value="">All nodes</option>
          {nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label}
            </option>
          ))}
        </select>
        <select
          className="select select--sm"
          value={filter.minSeverity}
          data-testid="event-severity"
          onChange={(e) => patch({ minSeverity: e.target.value as Severity })}
        >
          {severities.map((s) => (
            <option key={s} value={s}>
              {s === 'debug' ? 'All levels' : `${s} and above`}
            </option>
          ))}
        </select>
        <span className="live-spacer" />
        <span className="panel-toolbar-hint" data-testid="event-count">
          {shown.length.toLocaleString('en-US')} of {log.length.toLocaleString('en-US')}
        </span>
        <button
          type="button"
          className={follow ? 'btn btn--ghost btn--xs is-active' : 'btn btn--ghost btn--xs'}
          aria-pressed={follow}
          data-testid="event-follow"
          title="Keep the newest event in view"
          onClick={() => setFollow((f) => !f)}
        >
          <Icon name="follow" size={13} /> Follow
        </button>
      </div>
      {log.length === 0 ? (
        <div className="empty-state">
          <div className="empty-title">No events yet</div>
          <div className="empty-text">
            Run the simulation to see faults, breaker transitions, registry changes and more as they happen.
          </div>
        </div>
      ) : (
        <VirtualList
          count={shown.length}
          rowHeight={ROW_HEIGHT}
          follow={follow}
          onScrolled={(atBottom) => setFollow(atBottom)}
          renderRow={renderRow}
          testId="event-list"
        />
      )}
    </div>
  );
}
