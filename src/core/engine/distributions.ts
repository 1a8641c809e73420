import type { Distribution } from '../model/schema';
import type { Rng } from './rng';

/** A sampler draws one non-negative duration in ms. */
export type Sampler = (rng: Rng) => number;

/**
 * Compiles a distribution into a sampler once, so the hot path does no parameter parsing.
 * Normal is truncated at 0 (resampled, not clamped, so no mass piles up at 0); lognormal takes the
 * arithmetic mean and standard deviation and converts them to mu and sigma.
 */
export function compileDistribution(d: Distribution): Sampler {
  switch (d.kind) {
    case 'constant': {
      const ms = d.ms;
      return () => ms;
    }
    case 'exponential': {
      const mean = d.meanMs;
      // 1 - u lies in (0, 1], so the log is finite.
      return (rng) => -mean * Math.log(1 - rng.next());
    }
    case 'uniform': {
      const min = d.minMs;
      const span = d.maxMs - d.minMs;
      return (rng) => min + span * rng.next();
    }
    case 'normal': {
      const mean = d.meanMs;
      const sd = d.stdDevMs;
      if (sd === 0) return () => mean;
      return (rng) => {
        for (let i = 0; i < 64; i++) {
          const x = mean + sd * standardNormal(rng);
          if (x >= 0) return x;
        }
        return 0;
      };
    }
    case 'lognormal': {
      const cv2 = (d.stdDevMs / d.meanMs) ** 2;
      const sigma = Math.sqrt(Math.log(1 + cv2));
      const mu = Math.log(d.meanMs) - (sigma * sigma) / 2;
      return (rng) => Math.exp(mu + sigma * standardNormal(rng));
    }
  }
}

/** Box–Muller; the cosine branch only, so every draw costs exactly two uniforms (keeps streams aligned). */
function standardNormal(rng: Rng): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
