/** Charts redraw at most five times a second, whatever the frame rate. */
export const CHART_FASTEST_INTERVAL_MS = 200;
/**
 * And use at most about a tenth of the main thread: when redrawing them all costs more (a slow or
 * busy machine, many series), they redraw less often, down to every two seconds, so the canvas and
 * its badges keep their frame rate. (A recharts update costs about 11 ms on a loaded two-core
 * machine without a GPU, and about 20 ms on a 300-node diagram, where with a one-second floor the
 * charts took a fifth of the main thread, the largest single share.)
 */
export const CHART_MAIN_THREAD_SHARE = 0.1;
export const CHART_SLOWEST_INTERVAL_MS = 2000;

/** The redraw interval for charts whose redraws cost `roundMs` of main thread each. */
export function intervalForRound(roundMs: number): number {
  return Math.min(
    CHART_SLOWEST_INTERVAL_MS,
    Math.max(CHART_FASTEST_INTERVAL_MS, roundMs / CHART_MAIN_THREAD_SHARE),
  );
}

/** The moving average of a redraw's cost after one more that cost `spentMs` (the first sets it). */
export function averageRound(averageMs: number, spentMs: number): number {
  return averageMs === 0 ? spentMs : 0.7 * averageMs + 0.3 * spentMs;
}
