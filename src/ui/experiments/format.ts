/** A number as the experiment panel shows it: up to 3 significant digits, thousands grouped. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x !== 0 && Math.abs(x) < 0.001) return x.toExponential(1);
  return Number(x.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 3 });
}
