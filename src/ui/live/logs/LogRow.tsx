import type { Severity } from '../../../worker/protocol';
import { formatClock } from '../liveFormat';

interface Props {
  testId: string;
  atMs: number;
  level: Severity;
  /** The event's type (event log rows). */
  type?: string;
  nodeId: string | null;
  nodeLabel: string;
  /** Makes the node a button that selects it on the canvas. */
  onSelectNode?: (id: string) => void;
  message: string;
  /** The request the entry belongs to (distributed log rows). */
  traceId?: string;
}

/** One line of a log: time, level, type, node, message and trace, in fixed columns. */
export function LogRow({
  testId,
  atMs,
  level,
  type,
  nodeId,
  nodeLabel,
  onSelectNode,
  message,
  traceId,
}: Props) {
  const node =
    nodeId === null ? (
      <span className="event-node event-node--none">—</span>
    ) : onSelectNode ? (
      <button type="button" className="event-node" onClick={() => onSelectNode(nodeId)}>
        {nodeLabel}
      </button>
    ) : (
      <span className="event-node event-node--plain">{nodeLabel}</span>
    );
  return (
    <div className={`event-row is-${level}`} data-testid={testId} data-type={type}>
      <span className="event-time">{formatClock(atMs)}</span>
      <span className={`event-sev event-sev--${level}`}>{level}</span>
      {type !== undefined ? <span className="event-type">{type}</span> : null}
      {node}
      <span className="event-msg" title={message}>
        {message}
      </span>
      {traceId !== undefined ? <span className="event-trace">{traceId}</span> : null}
    </div>
  );
}
