import type { Distribution } from '../model/schema';
import { fmtMs } from './numbers';

/**
 * The mean of a duration distribution in ms as the engine samples it: the normal is truncated at 0
 * (resampled), so its mean is the truncated-normal mean, larger than `meanMs` near zero.
 */
export function meanMs(d: Distribution): number {
  switch (d.kind) {
    case 'constant':
      return d.ms;
    case 'exponential':
    case 'lognormal':
      return d.meanMs;
    case 'uniform':
      return (d.minMs + d.maxMs) / 2;
    case 'normal': {
      if (d.stdDevMs === 0) return d.meanMs;
      const a = -d.meanMs / d.stdDevMs;
      const tail = 1 - normalCdf(a);
      if (tail < 1e-12) return 0;
      return d.meanMs + (d.stdDevMs * normalPdf(a)) / tail;
    }
  }
}

function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/** Standard normal CDF via the Abramowitz-Stegun 7.1.26 erf approximation (error < 1.5e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** A distribution in a few words with its mean, for sentences ("exp. mean 20 ms"). */
export function describeDistribution(d: Distribution): string {
  switch (d.kind) {
    case 'constant':
      return `${fmtMs(d.ms)} ms`;
    case 'exponential':
      return `mean ${fmtMs(d.meanMs)} ms (exponential)`;
    case 'uniform':
      return `${fmtMs(d.minMs)}-${fmtMs(d.maxMs)} ms`;
    case 'normal':
      return `mean ${fmtMs(d.meanMs)} ms (sd ${fmtMs(d.stdDevMs)})`;
    case 'lognormal':
      return `mean ${fmtMs(d.meanMs)} ms (lognormal, sd ${fmtMs(d.stdDevMs)})`;
  }
}
