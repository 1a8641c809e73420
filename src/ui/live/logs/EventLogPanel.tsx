import { useMemo, useState } from 'react';
import { selectNodes, useDocumentStore } from '../../../state/documentStore';
import type { LiveState } from '../../../state/liveStore';
import { setSelection } from '../../../state/sessionStore';
import type { LogEntry } from '../../../worker/protocol';
import { Icon } from '../../icons/Icon';
import { EmptyState } from '../EmptyState';
import { useThrottledLive } from '../useThrottledLive';
import { VirtualList } from '../VirtualList';
import { type EventFilter, eventCauses, eventTypes, filterEvents, noFilter } from './eventFilter';
import { FilterSelect } from './FilterSelect';
import { LevelSelect } from './LevelSelect';
import { LogRow } from './LogRow';

const ROW_HEIGHT = 24;
const selectLog = (s: LiveState) => s.log;
const isEmpty = (log: LogEntry[]) => log.length === 0;
const selectNode = (id: string) => setSelection([id], []);

/**
 * The run's event log: virtualised, filterable by type, node, failure cause, severity and text,
 * following the newest.
 */
export function EventLogPanel() {
  const log = useThrottledLive(selectLog, 250, isEmpty);
  const nodes = useDocumentStore(selectNodes);
  const [filter, setFilter] = useState<EventFilter>(noFilter);
  const [follow, setFollow] = useState(true);
  const labels = useMemo(() => new Map(nodes.map((n) => [n.id, n.label])), [nodes]);
  const types = useMemo(() => eventTypes(log), [log]);
  const causes = useMemo(() => eventCauses(log), [log]);
  const shown = useMemo(() => filterEvents(log, filter), [log, filter]);
  const patch = (p: Partial<EventFilter>) => setFilter((f) => ({ ...f, ...p }));

  const renderRow = (i: number) => {
    const e = shown[i]!;
    return (
      <LogRow
        testId="event-row"
        atMs={e.atMs}
        level={e.severity}
        type={e.type}
        nodeId={e.nodeId}
        nodeLabel={e.nodeId ? (labels.get(e.nodeId) ?? e.nodeId) : ''}
        onSelectNode={selectNode}
        message={e.message}
      />
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
            aria-label="Search messages"
            value={filter.text}
            data-testid="event-search"
            onChange={(e) => patch({ text: e.target.value })}
          />
        </span>
        <FilterSelect
          value={filter.type}
          options={types.map((t) => ({ id: t, label: t }))}
          allLabel="All types"
          testId="event-type"
          label="Event type"
          onChange={(type) => patch({ type })}
        />
        <FilterSelect
          value={filter.nodeId}
          options={nodes}
          allLabel="All nodes"
          testId="event-node"
          label="Node"
          onChange={(nodeId) => patch({ nodeId })}
        />
        <FilterSelect
          value={filter.cause}
          options={causes}
          allLabel="All causes"
          testId="event-cause"
          label="Failure cause"
          onChange={(cause) => patch({ cause })}
        />
        <LevelSelect
          value={filter.minSeverity}
          testId="event-severity"
          label="Lowest level shown"
          onChange={(minSeverity) => patch({ minSeverity })}
        />
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
        <EmptyState title="No events yet">
          Run the simulation to see faults, breaker transitions, registry changes and more as they happen.
        </EmptyState>
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
