import { describe, expect, it } from 'vitest';
import { meanInterval, welchDifference } from './intervals';
import { incompleteBeta, lnGamma, studentTCdf, studentTQuantile } from './studentT';

describe('Student t', () => {
  it('lnGamma matches factorials and Γ(1/2) = √π', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(6)).toBeCloseTo(Math.log(120), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });

  it('the incomplete beta function has its closed forms: I_x(1, 1) = x and I_x(a, 1) = x^a', () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(incompleteBeta(0.7, 3, 1)).toBeCloseTo(0.343, 12);
    expect(incompleteBeta(0.2, 2.5, 4) + incompleteBeta(0.8, 4, 2.5)).toBeCloseTo(1, 12);
  });

  it('the t CDF with one degree of freedom is the Cauchy CDF', () => {
    for (const t of [-3, -0.5, 0, 1, 7])
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 12);
  });

  it('two-sided 95 % quantiles match published values to 6 digits, for any degrees of freedom', () => {
    const published: [number, number][] = [
      [1, 12.7062047],
      [2, 4.30265273],
      [4, 2.77644511],
      [9, 2.26215716],
      [30, 2.04227246],
      [1000, 1.96233908],
      [1e7, 1.95996398],
    ];
    for (const [df, t] of published) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 6);
    // Welch's degrees of freedom are fractional: the quantile falls between its integer neighbours.
    const q = studentTQuantile(0.975, 4.5);
    expect(q).toBeLessThan(studentTQuantile(0.975, 4));
    expect(q).toBeGreaterThan(studentTQuantile(0.975, 5));
  });

  it('quantiles are symmetric and invert the CDF', () => {
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 12);
    expect(studentTCdf(studentTQuantile(0.9, 3.3), 3.3)).toBeCloseTo(0.9, 12);
  });
});

describe('intervals', () => {
  it('a mean interval is mean ± t(0.975, n-1) s/√n, and null for one sample', () => {
    const { mean, ci95 } = meanInterval([1, 2, 3, 4]);
    const half = 3.18244631 * Math.sqrt(1.6666666667 / 4);
    expect(mean).toBe(2.5);
    expect(ci95![0]).toBeCloseTo(2.5 - half, 6);
    expect(ci95![1]).toBeCloseTo(2.5 + half, 6);
    expect(meanInterval([5]).ci95).toBeNull();
  });

  it("Welch's test finds a clear shift significant and identical samples not", () => {
    const a = [10, 11, 9, 10.5, 9.5];
    expect(
      welchDifference(
        a,
        a.map((x) => x + 5),
      ).significant,
    ).toBe(true);
    const same = welchDifference(a, [...a]);
    expect(same.delta).toBe(0);
    expect(same.significant).toBe(false);
    expect(welchDifference(a, [10.2, 9.8, 10.1]).significant).toBe(false);
  });

  it("Welch's interval uses the Welch–Satterthwaite degrees of freedom (9.97 here, worked by hand)", () => {
    // se² = 2.5/5 + 4.667/7 = 1.1667; df = se⁴ / (0.5²/4 + 0.6667²/6) = 9.966; t(0.975, 9.966) = 2.2292 (between 2.2281 at 10 and 2.2622 at 9).
    const d = welchDifference([1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11, 12]);
    expect(d.delta).toBe(6);
    expect(d.ci95![0]).toBeCloseTo(6 - 2.2292 * Math.sqrt(7 / 6), 3);
    expect(d.ci95![1]).toBeCloseTo(6 + 2.2292 * Math.sqrt(7 / 6), 3);
    expect(d.significant).toBe(true);
  });

  it('with no spread a difference is significant exactly when it is not zero', () => {
    expect(welchDifference([3, 3], [3, 3]).significant).toBe(false);
    expect(welchDifference([3, 3], [4, 4]).significant).toBe(true);
  });
});
