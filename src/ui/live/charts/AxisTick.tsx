import type { BaseTickContentProps } from 'recharts';

/** The font size of the charts' axis labels, in px. */
export const AXIS_FONT_SIZE = 10;

/** How far below its anchor a label's baseline sits, by recharts' vertical anchor (cap height 0.71 em). */
const tickDy = { start: '0.71em', middle: '0.355em', end: '0' } as const;

/**
 * An axis label as a plain SVG text. recharts' own tick label measures each new string in the DOM
 * (to wrap it), and a sliding time axis brings new strings on every update: each measure forces a
 * style and layout pass over the whole page mid-run. These labels never wrap, so nothing is measured.
 */
export function AxisTick({
  x,
  y,
  textAnchor,
  verticalAnchor,
  payload,
  tickFormatter,
  index,
  className,
}: BaseTickContentProps) {
  const value = payload.value;
  return (
    <text
      x={x}
      y={y}
      dy={tickDy[verticalAnchor] ?? '0'}
      textAnchor={textAnchor}
      fontSize={AXIS_FONT_SIZE}
      fill="var(--text-3)"
      className={className}
    >
      {tickFormatter ? tickFormatter(value, index) : String(value)}
    </text>
  );
}
