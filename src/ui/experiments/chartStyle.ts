/** The look the Experiment panel's charts share: they fill their box, with small muted ticks and a themed tooltip. */
export const chartStyle = { width: '100%', height: '100%' };

export const tick = { fontSize: 10, fill: 'var(--text-3)' };

/** The live charts' tooltip box, so every chart's tooltip looks the same. */
export { tooltipStyle } from '../live/charts/ChartBody';

/** A point's colour by its verdict: every SLO held, one failed, or no SLO to judge. */
export function verdictFill(ok: boolean | null): string {
  return ok === null ? 'var(--chart-1)' : ok ? 'var(--chart-ok)' : 'var(--chart-bad)';
}
