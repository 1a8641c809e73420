import type { Distribution } from '../model/schema';
import type { Rng } from './rng';

/** Draws one non-negative duration in ms. */
export interface Sampler {
  draw(rng: Rng): number;
}

/**
 * Compiles a distribution into a sampler once, so the hot path does no parameter parsing.
 * Normal is truncated at 0 (resampled, not clamped, so no mass piles up at 0); lognormal takes the
 * arithmetic mean and standard deviation and converts them to mu and sigma.
 *
 * NOTE: one class per kind, not a closure per distribution: a call site that met several closures
 * of the same kind (seven links, seven stations) was a call V8 would not inline, and it boxed every
 * drawn number. A method on at most a few classes is inlined, with a map check.
 */
export function compileDistribution(d: Distribution): Sampler {
  switch (d.kind) {
    case 'constant':
      return new ConstantSampler(d.ms);
    case 'exponential':
      return new ExponentialSampler(d.meanMs);
    case 'uniform':
      return new UniformSampler(d.minMs, d.maxMs - d.minMs);
    case 'normal':
      return d.stdDevMs === 0 ? new ConstantSampler(d.meanMs) : new NormalSampler(d.meanMs, d.stdDevMs);
    case 'lognormal': {
      const cv2 = (d.stdDevMs / d.meanMs) ** 2;
      const sigma = Math.sqrt(Math.log(1 + cv2));
      return new LognormalSampler(Math.log(d.meanMs) - (sigma * sigma) / 2, sigma);
    }
  }
}

class ConstantSampler implements Sampler {
  constructor(private readonly ms: number) {}

  draw(): number {
    return this.ms;
  }
}

class ExponentialSampler implements Sampler {
  constructor(private readonly mean: number) {}

  draw(rng: Rng): number {
    // 1 - u lies in (0, 1], so the log is finite.
    return -this.mean * Math.log(1 - rng.next());
  }
}

class UniformSampler implements Sampler {
  constructor(
    private readonly min: number,
    private readonly span: number,
  ) {}

  draw(rng: Rng): number {
    return this.min + this.span * rng.next();
  }
}

class NormalSampler implements Sampler {
  constructor(
    private readonly mean: number,
    private readonly sd: number,
  ) {}

  draw(rng: Rng): number {
    for (let i = 0; i < 64; i++) {
      const x = this.mean + this.sd * standardNormal(rng);
      if (x >= 0) return x;
    }
    return 0;
  }
}

class LognormalSampler implements Sampler {
  constructor(
    private readonly mu: number,
    private readonly sigma: number,
  ) {}

  draw(rng: Rng): number {
    return Math.exp(this.mu + this.sigma * standardNormal(rng));
  }
}

/** Box–Muller; the cosine branch only, so every draw costs exactly two uniforms (keeps streams aligned). */
function standardNormal(rng: Rng): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
