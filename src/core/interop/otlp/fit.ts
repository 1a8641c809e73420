import type { Distribution } from '../core';

/** Rounds to microseconds, so fitted numbers read well and stay exact across platforms. */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** Sample mean and standard deviation (n - 1). */
export function moments(samples: readonly number[]): { mean: number; sd: number } {
  const n = samples.length;
  if (n === 0) return { mean: 0, sd: 0 };
  const mean = samples.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, sd: 0 };
  const variance = samples.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  return { mean, sd: Math.sqrt(variance) };
}

/**
 * A lognormal fitted to durations by moments: archplay's lognormal takes the distribution's own
 * mean and standard deviation, so the sample's are used as they are, which keeps the mean (and so
 * mean latency) exact. Degenerate samples give a constant.
 */
export function fitLognormal(samples: readonly number[]): Distribution {
  const { mean, sd } = moments(samples);
  if (mean <= 0.001) return { kind: 'constant', ms: 0 };
  if (sd <= 0.001) return { kind: 'constant', ms: roundMs(mean) };
  return { kind: 'lognormal', meanMs: roundMs(mean), stdDevMs: roundMs(sd) };
}

/** Length of the union of intervals clipped to [from, to]: the time a span spent waiting on children. */
export function coveredMs(
  intervals: readonly (readonly [number, number])[],
  from: number,
  to: number,
): number {
  const clipped = intervals
    .map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of clipped) {
    if (a >= end) {
      total += b - a;
      end = b;
    } else if (b > end) {
      total += b - end;
      end = b;
    }
  }
  return total;
}
