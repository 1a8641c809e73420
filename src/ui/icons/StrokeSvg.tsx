import type { ReactNode } from 'react';

interface Props {
  size: number;
  strokeWidth: number;
  className: string;
  /** Glyphs are outlines; a few (a play triangle) read better filled. */
  filled?: boolean;
  children: ReactNode;
}

/** The 24×24 frame every line glyph is drawn in: round strokes in the current text colour, unfilled unless asked. */
export function StrokeSvg({ size, strokeWidth, className, filled = false, children }: Props) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}
