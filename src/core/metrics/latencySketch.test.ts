import { describe, expect, it } from 'vitest';
import { compileDistribution } from '../engine/distributions';
import { Sfc32 } from '../engine/rng';
import { LatencySketch } from './latencySketch';
import { SKETCH_RELATIVE_ACCURACY } from './sketchBuckets';

function exactQuantile(sorted: number[], q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

describe('LatencySketch', () => {
  const cases = [
    { name: 'exponential', d: { kind: 'exponential', meanMs: 20 } as const },
    { name: 'lognormal heavy tail', d: { kind: 'lognormal', meanMs: 50, stdDevMs: 200 } as const },
    { name: 'uniform', d: { kind: 'uniform', minMs: 0.01, maxMs: 5000 } as const },
  ];
  for (const { name, d } of cases) {
    it(`reports quantiles within 1 % of the exact ones (${name})`, () => {
      const rng = new Sfc32(7);
      const sampler = compileDistribution(d);
      const sketch = new LatencySketch();
      const values: number[] = [];
      for (let i = 0; i < 50_000; i++) {
        const v = sampler.draw(rng);
        values.push(v);
        sketch.add(v);
      }
      values.sort((a, b) => a - b);
      for (const q of [0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999]) {
        const exact = exactQuantile(values, q);
        const got = sketch.quantile(q);
        expect(Math.abs(got - exact) / exact).toBeLessThanOrEqual(SKETCH_RELATIVE_ACCURACY + 1e-9);
      }
      expect(sketch.max).toBe(values[values.length - 1]);
      expect(sketch.mean()).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
    });
  }

  it('keeps zero apart and returns 0 quantiles when empty', () => {
    const s = new LatencySketch();
    expect(s.quantile(0.5)).toBe(0);
    s.add(0);
    s.add(0);
    s.add(10);
    expect(s.quantile(0.5)).toBe(0);
    expect(s.quantile(1)).toBeCloseTo(10, 0);
  });

  it('merges into the same quantiles as one sketch over all values', () => {
    const rng = new Sfc32(3);
    const a = new LatencySketch();
    const b = new LatencySketch();
    const all = new LatencySketch();
    for (let i = 0; i < 10_000; i++) {
      const v = rng.next() * 100;
      (i % 2 ? a : b).add(v);
      all.add(v);
    }
    a.merge(b);
    expect(a.count).toBe(all.count);
    for (const q of [0.5, 0.99]) expect(a.quantile(q)).toBe(all.quantile(q));
  });

  it('clear forgets every sample', () => {
    const s = new LatencySketch();
    for (let i = 1; i < 100; i++) s.add(i);
    s.clear();
    expect(s.count).toBe(0);
    s.add(5);
    expect(s.quantile(0.99)).toBeCloseTo(5, 1);
    expect(s.min).toBe(5);
  });
});
