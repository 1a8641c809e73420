import type { ChartModel } from '../../../state/chartModel';

/** A "nice" step (1, 2, 2.5 or 5 times a power of ten) of at least `raw`. */
function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Up to about `count` round tick values covering [min, max]. The charts pass their ticks explicitly
 * (with `interval={0}`) because recharts would otherwise measure every new tick label in the DOM,
 * a forced layout of the whole page on each chart update of a running simulation.
 */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max <= min) return [min];
  const step = niceStep((max - min) / Math.max(1, count));
  const first = Math.ceil(min / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let t = first; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/**
 * The y ticks of a chart starting at zero: round values from 0 to at least the largest value (the
 * largest sum of a row's series when they are `stacked`).
 */
export function zeroBasedTicks(model: ChartModel, count: number, stacked = false): number[] {
  let max = 0;
  for (const row of model.rows) {
    let sum = 0;
    for (const s of model.series) {
      const v = row[s.key] ?? 0;
      sum += v;
      if (v > max) max = v;
    }
    if (stacked && sum > max) max = sum;
  }
  return ticksUpTo(max, count);
}

/** Round ticks from 0 to at least `max` (0 and 1 when there is nothing above 0). */
export function ticksUpTo(max: number, count: number): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const step = niceStep(max / count);
  const ticks: number[] = [];
  for (let i = 0; i * step < max + step * 1e-9 || ticks.length < 2; i++)
    ticks.push(Number((i * step).toPrecision(12)));
  if (ticks.at(-1)! < max) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

const timeSteps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400];

/** The x (time) ticks of a chart: whole, round seconds inside the data's range. */
export function timeTicks(model: ChartModel, count: number): number[] {
  const first = model.rows[0]?.t;
  const last = model.rows.at(-1)?.t;
  if (first === undefined || last === undefined) return [];
  const span = last - first;
  const step = timeSteps.find((s) => span / s <= count) ?? Math.ceil(span / count / 86_400) * 86_400;
  const ticks: number[] = [];
  for (let t = Math.ceil(first / step) * step; t <= last; t += step) ticks.push(t);
  return ticks;
}
