import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo, useState } from 'react';
import { countRender } from '../../state/frameTiming';
import { sameButPosition } from '../../state/positionsOnly';
import { Icon } from '../icons/Icon';
import { nodeSummary, uiKinds } from '../kinds';
import { NodeLiveBadges } from '../live/NodeLiveBadges';
import type { ArchFlowNode } from './flowTypes';
import { HANDLE } from './handles';
import { NodeLabel } from './NodeLabel';
import { ProblemMark } from './ProblemMark';
import { cardDomId } from './useCanvasKeys';

/**
 * The card of one component on the canvas: kind, name, replicas and key settings. The bottom row
 * is reserved for live metrics, read per node through a narrow selector so a telemetry tick
 * re-renders badges only, never the node array.
 */
function ArchNodeCardView({ data, selected }: NodeProps<ArchFlowNode>) {
  const node = data.node;
  const summary = nodeSummary(node);
  const [renaming, setRenaming] = useState(false);
  countRender('nodeCard');
  return (
    // biome-ignore lint/a11y/useSemanticElements: a card on the canvas, named for screen readers; a fieldset would bring form semantics.
    <div
      className={`arch-node${selected ? ' is-selected' : ''}${renaming ? ' is-renaming' : ''}`}
      id={cardDomId(node.id)}
      role="group"
      aria-label={`${node.label || node.id}, ${uiKinds[node.kind].name}${selected ? ', selected' : ''}`}
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
      <div className="arch-node-static">
        <div className="arch-node-head">
          <span className="arch-node-icon">
            <Icon glyph={uiKinds[node.kind].icon} size={16} />
          </span>
          <span className="arch-node-titles">
            <NodeLabel id={node.id} label={node.label} editing={renaming} setEditing={setRenaming} />
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
        <div className="arch-node-glance" aria-hidden="true" onDoubleClick={() => setRenaming(true)}>
          <span className="arch-node-glance-title">{node.label || node.id}</span>
          {summary.facts[0] ? <span className="arch-node-glance-fact">{summary.facts[0]}</span> : null}
        </div>
      </div>
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

/**
 * A card renders again only when its node or its selection changed, not when it moved: React Flow
 * positions the card's wrapper itself, and an Arrange of 300 nodes otherwise rendered every card.
 */
function sameCard(a: NodeProps<ArchFlowNode>, b: NodeProps<ArchFlowNode>): boolean {
  return a.selected === b.selected && sameButPosition(a.data.node, b.data.node);
}

export const ArchNodeCard = memo(ArchNodeCardView, sameCard);
