import { kindDocuments } from '../kinds/documents';
import { type NodeKind, nodeKinds } from '../kinds/nodeKinds';
import type { IssueSubject, ValidationIssue } from './issues';

type Raw = Record<string, unknown>;

const asObject = (v: unknown): Raw | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : null;
const asText = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const isNodeKind = (v: unknown): v is NodeKind => (nodeKinds as readonly unknown[]).includes(v);

/** How a node reads on the canvas: its label, else its kind's name, else its id. */
function nodeLabel(node: Raw): string {
  const kind = node.kind;
  const kindName = isNodeKind(kind) ? kindDocuments[kind].name : null;
  return (
    asText(node.label) ??
    (kindName ? `${kindName[0]!.toUpperCase()}${kindName.slice(1)}` : null) ??
    asText(node.id) ??
    'Node'
  );
}

/**
 * Names the node or edge each problem's path points into (`nodes[9]` is "Payment service", id
 * "payment"; an edge is "its source's label -> its target's label"), read from the document as it
 * was given, so even a problem in a half-valid node names what the person sees.
 */
export function withSubjects(issues: ValidationIssue[], document: unknown): ValidationIssue[] {
  const doc = asObject(document);
  const nodes = Array.isArray(doc?.nodes) ? doc.nodes : [];
  const edges = Array.isArray(doc?.edges) ? doc.edges : [];
  const labels = new Map<string, string>();
  for (const n of nodes) {
    const node = asObject(n);
    const id = node ? asText(node.id) : null;
    if (node && id !== null && !labels.has(id)) labels.set(id, nodeLabel(node));
  }
  const subjectOf = (list: 'nodes' | 'edges', index: number): IssueSubject | null => {
    const item = asObject((list === 'nodes' ? nodes : edges)[index]);
    if (!item) return null;
    const id = asText(item.id);
    if (list === 'nodes') return { label: nodeLabel(item), id };
    const end = (v: unknown) => {
      const ref = asText(v);
      return ref === null ? '?' : (labels.get(ref) ?? ref);
    };
    return { label: `${end(item.source)} -> ${end(item.target)}`, id };
  };
  return issues.map((issue) => {
    const m = /^(nodes|edges)\[(\d+)\]/.exec(issue.path);
    const subject = m ? subjectOf(m[1] as 'nodes' | 'edges', Number(m[2])) : null;
    return subject ? { ...issue, subject } : issue;
  });
}
