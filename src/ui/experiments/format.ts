/** A number as the experiment panel shows it: up to 3 significant digits, thousands grouped. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x !== 0 && Math.abs(x) < 0.001) return x.toExponential(1);
  return Number(x.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** The smallest 1, 2, 2.5 or 5 times a power of ten at or above `x`, for an axis that ends on a round number. */
export function niceCeiling(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((v) => v >= x * 1.02) ?? 10 * power;
}

/** The rotated title of a per-node bar chart's y axis: the metric, and its unit when it has one. */
export function yAxisLabel(label: string, unit: string) {
  return {
    value: `${label}${unit ? ` (${unit})` : ''}`,
    angle: -90,
    position: 'insideLeft' as const,
    fontSize: 10,
  };
}
