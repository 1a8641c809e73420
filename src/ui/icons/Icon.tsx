import type { Glyph, Shape } from './glyph';
import { glyphs, type IconName } from './glyphs';

type Props = ({ name: IconName; glyph?: never } | { glyph: Glyph; name?: never }) & {
  size?: number;
  className?: string;
};

const shapeKey = (shape: Shape): string => (typeof shape === 'string' ? shape : JSON.stringify(shape));

function ShapeElement({ shape }: { shape: Shape }) {
  if (typeof shape === 'string') return <path d={shape} />;
  if ('rect' in shape) {
    const [x, y, width, height, rx] = shape.rect;
    return <rect x={x} y={y} width={width} height={height} rx={rx} />;
  }
  if ('circle' in shape) {
    const [cx, cy, r] = shape.circle;
    return <circle cx={cx} cy={cy} r={r} />;
  }
  const [cx, cy, rx, ry] = shape.ellipse;
  return <ellipse cx={cx} cy={cy} rx={rx} ry={ry} />;
}

/**
 * The one icon of the app: a named glyph (`name`) or a glyph given as data (`glyph`, e.g. a
 * component kind's), drawn on a 24×24 grid in round strokes of the current text colour, so themes
 * need no variants.
 */
export function Icon({ name, glyph, size = 16, className }: Props) {
  const g: Glyph = glyph ?? glyphs[name];
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={g.filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={g.strokeWidth ?? 1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {g.shapes.map((shape) => (
        <ShapeElement key={shapeKey(shape)} shape={shape} />
      ))}
    </svg>
  );
}
