/** The thinnest and thickest dash of a moving edge, in px. */
const MIN_WIDTH_PX = 1.25;
const MAX_WIDTH_PX = 5;
/** Widths are drawn in quarter pixels. */
const STEP_PX = 0.25;
/**
 * How far the exact width must move from the drawn one before the drawn one changes. A width that
 * changes restyles its path and makes the browser lay the edge's SVG out again; with plain rounding
 * a rate that wobbles around a step boundary (Poisson noise of a 20-calls/s edge) flipped the
 * width of most edges every second or two, 300 to 1000 SVG objects laid out again per frame on a
 * 300-node diagram. Past a step plus this much, the rate has moved by about half: a change worth
 * seeing, while the label carries the exact number.
 */
export const FLOW_WIDTH_HOLD_PX = 0.2;

/** The exact width for a rate: it grows with the log of the rate, so 1 call/s and 10 k calls/s both read. */
export function exactFlowWidth(callsPerSec: number): number {
  return Math.min(MAX_WIDTH_PX, MIN_WIDTH_PX + Math.log10(1 + callsPerSec) * 0.9);
}

/**
 * The width to draw for `callsPerSec`, given the one drawn now (null for none yet): the drawn
 * width is kept while the exact width stays within FLOW_WIDTH_HOLD_PX of it, else the exact width
 * rounded to a quarter pixel.
 */
export function heldFlowWidth(callsPerSec: number, drawnPx: number | null): number {
  const exact = exactFlowWidth(callsPerSec);
  if (drawnPx !== null && Math.abs(exact - drawnPx) < STEP_PX / 2 + FLOW_WIDTH_HOLD_PX) return drawnPx;
  return Math.round(exact / STEP_PX) * STEP_PX;
}
