import type { WalkthroughStepResult } from '../../worker/protocol';

/** An attribute selector value, quoted for CSS (ids are free text in documents). */
function quoted(id: string): string {
  return `"${id.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;
}

const node = (id: string) => `.react-flow__node[data-id=${quoted(id)}]`;
const edge = (id: string) => `.react-flow__edge[data-id=${quoted(id)}]`;

/**
 * The canvas highlight of a walkthrough as one style sheet: everything off the request's path so
 * far fades, the path stays, and the current hop's edge and receiving node stand out. Written as
 * CSS over React Flow's `data-id` attributes, so a step restyles the canvas without rebuilding a node.
 */
export function highlightCss(steps: readonly WalkthroughStepResult[]): string {
  const last = steps.at(-1)?.event;
  if (!last) return '';
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const s of steps) {
    if (!s.event) continue;
    nodes.add(s.event.fromNodeId);
    nodes.add(s.event.toNodeId);
    edges.add(s.event.edgeId);
  }
  const pathNodes = [...nodes].map(node).join(',\n');
  const pathEdges = [...edges].map(edge).join(',\n');
  const pathLabels = [...edges].map((id) => `[data-testid=${quoted(`edge-label-${id}`)}]`).join(',\n');
  const reply = last.kind === 'reply';
  return `
.react-flow__node { opacity: 0.32; transition: opacity 0.2s; }
.react-flow__edge { opacity: 0.18; transition: opacity 0.2s; }
.arch-edge-label, .edge-live-label { opacity: 0.25; }
${pathNodes} { opacity: 1; }
${pathEdges} { opacity: 0.75; }
${pathLabels} { opacity: 1; }
${edge(last.edgeId)} { opacity: 1; }
${edge(last.edgeId)} .react-flow__edge-path {
  stroke: var(--accent);
  stroke-width: 3.5;
  stroke-dasharray: 9 6;
  animation: walkthrough-flow 0.7s linear infinite${reply ? ' reverse' : ''};
}
${node(last.toNodeId)} .arch-node {
  border-color: var(--accent);
  box-shadow: 0 0 0 4px var(--accent-soft), 0 0 0 1px var(--accent), var(--shadow-md);
}
${node(last.fromNodeId)} .arch-node {
  border-color: color-mix(in srgb, var(--accent) 45%, var(--border));
}
`;
}
