import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { countRender } from '../../state/frameTiming';
import { Icon } from '../icons/Icon';
import { nodeSummary, uiKinds } from '../kinds';
import { NodeLiveBadges } from '../live/NodeLiveBadges';
import type { ArchFlowNode } from './flowTypes';
import { HANDLE } from './handles';
import { NodeLabel } from './NodeLabel';
import { ProblemMark } from './ProblemMark';

/**
 * The card of one component on the canvas: kind, name, replicas and key settings. The bottom row
 * is reserved for live metrics, read per node through a narrow selector so a telemetry tick
 * re-renders badges only, never the node array.
 */
function ArchNodeCardView({ data, selected }: NodeProps<ArchFlowNode>) {
  const node = data.node;
  const summary = nodeSummary(node);
  countRender('nodeCard');
  return (
    <div
      className={selected ? 'arch-node is-selected' : 'arch-node'}
      data-kind={node.kind}
      data-testid={`node-${node.id}`}
    >
      <Handle id={HANDLE.in} type="target" position={Position.Left} className="arch-handle" />
      <Handle
        id={HANDLE.up}
        type="target"
        position={Position.Top}
        className="arch-handle arch-handle--infra"
      />
      <div className="arch-node-head">
        <span className="arch-node-icon">
          <Icon glyph={uiKinds[node.kind].icon} size={16} />
        </span>
        <span className="arch-node-titles">
          <NodeLabel id={node.id} label={node.label} />
          <span className="arch-node-kind">{uiKinds[node.kind].name}</span>
        </span>
        <ProblemMark nodeId={node.id} />
        {summary.instances !== null ? (
          <span className="arch-node-instances" title={`${summary.instances} instances`}>
            ×{summary.instances}
          </span>
        ) : null}
      </div>
      {summary.facts.length > 0 ? (
        <div className="arch-node-facts">
          {summary.facts.slice(0, 2).map((fact) => (
            <div key={fact} className="arch-node-fact">
              {fact}
            </div>
          ))}
        </div>
      ) : null}
      <NodeLiveBadges nodeId={node.id} kind={node.kind} />
      <Handle id={HANDLE.out} type="source" position={Position.Right} className="arch-handle" />
      <Handle
        id={HANDLE.down}
        type="source"
        position={Position.Bottom}
        className="arch-handle arch-handle--infra"
      />
    </div>
  );
}

export const ArchNodeCard = memo(ArchNodeCardView);
