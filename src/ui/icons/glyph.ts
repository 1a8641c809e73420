/**
 * One element of a line glyph on the 24×24 grid: a path's `d`, or a basic shape by its numbers
 * (rect: x, y, width, height, corner radius; circle: cx, cy, r; ellipse: cx, cy, rx, ry).
 */
export type Shape =
  | string
  | { rect: readonly [number, number, number, number, number?] }
  | { circle: readonly [number, number, number] }
  | { ellipse: readonly [number, number, number, number] };

/** A glyph as data: its shapes, drawn as round strokes in the current text colour. */
export interface Glyph {
  shapes: readonly Shape[];
  /** Outlines are the rule; a few glyphs (a play triangle) read better filled. */
  filled?: boolean;
  /** Line width on the 24×24 grid; 1.75 unless given. */
  strokeWidth?: number;
}

/** A glyph of these shapes. */
export const glyph = (...shapes: Shape[]): Glyph => ({ shapes });
