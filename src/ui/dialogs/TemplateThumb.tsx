import type { ArchDocument } from '../../core/model/schema';

interface Props {
  document: ArchDocument | null;
}

const W = 224;
const H = 112;
const NODE_W = 240;
const NODE_H = 96;

/** A miniature of a diagram: its nodes as kind-coloured blocks and its links as lines. */
export function TemplateThumb({ document }: Props) {
  if (!document || document.nodes.length === 0) return <div className="thumb thumb--empty" />;
  const xs = document.nodes.map((n) => n.position.x);
  const ys = document.nodes.map((n) => n.position.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const spanX = Math.max(...xs) - minX + NODE_W;
  const spanY = Math.max(...ys) - minY + NODE_H;
  const scale = Math.min((W - 16) / spanX, (H - 16) / spanY);
  const ox = (W - spanX * scale) / 2;
  const oy = (H - spanY * scale) / 2;
  const at = new Map(
    document.nodes.map((n) => [
      n.id,
      { x: ox + (n.position.x - minX) * scale, y: oy + (n.position.y - minY) * scale },
    ]),
  );
  const w = NODE_W * scale;
  const h = NODE_H * scale;
  return (
    <svg className="thumb" viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
      {document.edges.map((e) => {
        const a = at.get(e.source);
        const b = at.get(e.target);
        if (!a || !b) return null;
        return (
          <line key={e.id} x1={a.x + w} y1={a.y + h / 2} x2={b.x} y2={b.y + h / 2} className="thumb-edge" />
        );
      })}
      {document.nodes.map((n) => {
        const p = at.get(n.id)!;
        return (
          <rect
            key={n.id}
            x={p.x}
            y={p.y}
            width={w}
            height={h}
            rx={Math.max(1.5, 6 * scale)}
            style={{ fill: `var(--kind-${n.kind})` }}
            className="thumb-node"
          />
        );
      })}
    </svg>
  );
}
