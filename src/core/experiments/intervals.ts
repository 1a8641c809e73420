import { studentTQuantile } from './studentT';

/** A mean over replications with its 95 % Student-t interval (null with fewer than two samples). */
export interface MeanInterval {
  mean: number;
  ci95: [number, number] | null;
}

function meanOf(xs: readonly number[]): number {
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Sample variance (n - 1 in the denominator). */
function varianceOf(xs: readonly number[], mean: number): number {
  let sum = 0;
  for (const x of xs) sum += (x - mean) * (x - mean);
  return sum / (xs.length - 1);
}

/** The mean of independent replications and its 95 % confidence interval, t(0.975, n - 1) * s / sqrt(n). */
export function meanInterval(samples: readonly number[]): MeanInterval {
  const mean = meanOf(samples);
  if (samples.length < 2) return { mean, ci95: null };
  const half =
    studentTQuantile(0.975, samples.length - 1) * Math.sqrt(varianceOf(samples, mean) / samples.length);
  return { mean, ci95: [mean - half, mean + half] };
}

/** B minus A with Welch's 95 % interval, and whether the difference is significant at 5 %. */
export interface Difference {
  delta: number;
  ci95: [number, number] | null;
  significant: boolean;
}

/**
 * Welch's t-test of mean(b) - mean(a) for samples of unequal variance: standard error
 * sqrt(sa²/na + sb²/nb), Welch–Satterthwaite degrees of freedom, significant when the 95 % interval
 * excludes zero (two-sided p < 0.05). With no spread at all the difference is significant exactly
 * when it is not zero.
 */
export function welchDifference(a: readonly number[], b: readonly number[]): Difference {
  const ma = meanOf(a);
  const mb = meanOf(b);
  const delta = mb - ma;
  if (a.length < 2 || b.length < 2) return { delta, ci95: null, significant: false };
  const va = varianceOf(a, ma) / a.length;
  const vb = varianceOf(b, mb) / b.length;
  const se2 = va + vb;
  if (se2 === 0) return { delta, ci95: [delta, delta], significant: delta !== 0 };
  const df = (se2 * se2) / ((va * va) / (a.length - 1) + (vb * vb) / (b.length - 1));
  const half = studentTQuantile(0.975, df) * Math.sqrt(se2);
  const ci95: [number, number] = [delta - half, delta + half];
  return { delta, ci95, significant: ci95[0] > 0 || ci95[1] < 0 };
}
