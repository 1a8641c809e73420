/** The value at quantile `q` (0..1) of a list, nearest rank; 0 for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** Frames per second in each whole second of the window, from rAF timestamps. */
export function fpsPerSecond(frameTimes: readonly number[], startMs: number, wallMs: number): number[] {
  const seconds = Math.floor(wallMs / 1000);
  const counts = new Array<number>(seconds).fill(0);
  for (const t of frameTimes) {
    const s = Math.floor((t - startMs) / 1000);
    if (s >= 0 && s < seconds) counts[s]!++;
  }
  return counts;
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;
