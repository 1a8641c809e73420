import { BaseEdge, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import type { ArchEdge } from '../../core/model/schema';
import { countRender } from '../../state/frameTiming';
import { formatMs } from '../kinds/format';
import { EdgeLiveOverlay } from '../live/EdgeLiveOverlay';
import { EdgeLabelPortal } from './EdgeLabelPortal';
import type { ArchFlowEdge } from './flowTypes';

/** The policies worth seeing on the line itself; defaults stay silent to keep the canvas calm. */
function edgeCaption(edge: ArchEdge): string | null {
  if (edge.kind !== 'sync') return null;
  const parts: string[] = [];
  const c = edge.config;
  if (c.timeoutMs > 0 && c.timeoutMs !== 15_000) parts.push(formatMs(c.timeoutMs));
  if (c.retry.maxRetries > 0) parts.push(`retry ×${c.retry.maxRetries}`);
  if (c.breaker?.enabled) parts.push('breaker');
  return parts.length ? parts.join(' · ') : null;
}

/** An edge drawn in the style of its kind: sync solid, async dashed, logs dotted, links thin. */
function ArchEdgePathView({
  id,
  data,
  selected,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
}: EdgeProps<ArchFlowEdge>) {
  const edge = data?.edge;
  const kind = edge?.kind ?? 'sync';
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const markerId = `arrow-${id}`;
  const caption = edge ? edgeCaption(edge) : null;
  countRender('edge');
  return (
    <g className={`arch-edge arch-edge--${kind}${selected ? ' is-selected' : ''}`} data-kind={kind}>
      <defs>
        <marker
          id={markerId}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M1 1 9 5 1 9z" className="arch-edge-arrow" />
        </marker>
      </defs>
      <BaseEdge id={id} path={path} markerEnd={`url(#${markerId})`} interactionWidth={18} />
      <EdgeLiveOverlay id={id} kind={kind} path={path} labelX={labelX} labelY={labelY} />
      {caption ? (
        <EdgeLabelPortal x={labelX} y={labelY} align="center">
          <div className={`arch-edge-label nodrag nopan${selected ? ' is-selected' : ''}`}>{caption}</div>
        </EdgeLabelPortal>
      ) : null}
    </g>
  );
}

const ArchEdgePath = memo(ArchEdgePathView);
export const edgeTypes = { arch: ArchEdgePath };
