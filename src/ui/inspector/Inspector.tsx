import { selectEdges, selectNodes, useDocumentStore } from '../../state/documentStore';
import { selectSelectedEdgeIds, selectSelectedNodeIds, useSession } from '../../state/sessionStore';
import { deleteSelection, duplicateSelection } from '../canvas/editActions';
import { Icon } from '../icons/Icon';
import { SidePanel } from '../panels/SidePanel';
import { DocumentInspector } from './DocumentInspector';
import { EdgeInspector } from './EdgeInspector';
import { NodeInspector } from './NodeInspector';

/** The right-hand panel: edits whatever is selected, or the diagram itself when nothing is. */
export function Inspector() {
  const nodeIds = useSession(selectSelectedNodeIds);
  const edgeIds = useSession(selectSelectedEdgeIds);
  const nodes = useDocumentStore(selectNodes);
  const edges = useDocumentStore(selectEdges);
  const count = nodeIds.length + edgeIds.length;
  const node =
    nodeIds.length === 1 && edgeIds.length === 0 ? nodes.find((n) => n.id === nodeIds[0]) : undefined;
  const edge =
    edgeIds.length === 1 && nodeIds.length === 0 ? edges.find((e) => e.id === edgeIds[0]) : undefined;
  let body: React.ReactNode;
  if (node) body = <NodeInspector node={node} />;
  else if (edge) body = <EdgeInspector edge={edge} />;
  else if (count > 1)
    body = (
      <div className="inspector-body inspector-multi" data-testid="inspector-multi">
        <div className="inspector-title">{count} selected</div>
        <div className="inspector-meta">
          {nodeIds.length} components · {edgeIds.length} links
        </div>
        <div className="inspector-actions">
          <button type="button" className="btn" onClick={duplicateSelection} disabled={nodeIds.length === 0}>
            <Icon name="copy" size={14} /> Duplicate
          </button>
          <button type="button" className="btn btn--danger" onClick={deleteSelection}>
            <Icon name="trash" size={14} /> Delete
          </button>
        </div>
      </div>
    );
  else body = <DocumentInspector />;
  return (
    <SidePanel id="inspector" side="right" title="Inspector" collapseBelowPx={0} className="inspector">
      <div className="inspector-scroll">{body}</div>
    </SidePanel>
  );
}
