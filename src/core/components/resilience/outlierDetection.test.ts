import { describe, expect, it } from 'vitest';
import { type Ejection, OutlierDetector, type OutlierSettings } from './outlierDetection';

const envoy: OutlierSettings = {
  consecutive5xx: 5,
  baseEjectionTimeMs: 30_000,
  maxEjectionTimeMs: 300_000,
  maxEjectionPercent: 10,
};

/** Sends `n` 5xx responses from `host` one millisecond apart, starting at `fromMs`; returns the last time. */
function fail(d: OutlierDetector, host: number, fromMs: number, n = 5): number {
  for (let i = 0; i < n; i++) d.onResult(host, fromMs + i, true);
  return fromMs + n - 1;
}

describe('OutlierDetector (Envoy consecutive 5xx)', () => {
  it('ejects a host after 5 consecutive 5xx for the 30 s base ejection time', () => {
    const d = new OutlierDetector(10, envoy);
    fail(d, 3, 0, 4);
    expect(d.isEjected(3, 4)).toBe(false);
    expect(d.onResult(3, 4, true)).toBe(true);
    expect(d.isEjected(3, 4)).toBe(true);
    expect(d.isEjected(3, 30_003)).toBe(true);
    expect(d.isEjected(3, 30_004)).toBe(false);
    expect(d.ejections()).toEqual([{ host: 3, atMs: 4, untilMs: 30_004 }]);
  });

  it('keeps a host ejected 60 s the second time when it fails again right after release', () => {
    const d = new OutlierDetector(10, envoy);
    fail(d, 0, 0);
    expect(d.release(30_004)).toBe(1);
    const at = fail(d, 0, 31_000);
    expect(d.ejectedUntilMs(0) - at).toBe(60_000);
  });

  it('resets the consecutive count on a success in between', () => {
    const d = new OutlierDetector(10, envoy);
    fail(d, 0, 0, 4);
    d.onResult(0, 4, false);
    fail(d, 0, 5, 4);
    expect(d.isEjected(0, 8)).toBe(false);
    d.onResult(0, 9, true);
    expect(d.isEjected(0, 9)).toBe(true);
  });

  it('caps ejected hosts at maxEjectionPercent and counts the refusals', () => {
    const d = new OutlierDetector(10, envoy);
    fail(d, 0, 0);
    fail(d, 1, 0);
    expect(d.isEjected(0, 10)).toBe(true);
    expect(d.isEjected(1, 10)).toBe(false);
    expect(d.ejectedCount).toBe(1);
    expect(d.overflowed).toBe(1);
  });

  it('always allows one ejection even when one host exceeds the percent', () => {
    const d = new OutlierDetector(3, envoy);
    fail(d, 2, 0);
    expect(d.isEjected(2, 10)).toBe(true);
    fail(d, 1, 0);
    expect(d.isEjected(1, 10)).toBe(false);
  });

  it('needs a fresh run of 5xx after the cap refused an ejection (Envoy triggers on equality)', () => {
    const d = new OutlierDetector(10, envoy);
    fail(d, 0, 0);
    fail(d, 1, 0);
    d.release(30_004);
    fail(d, 1, 30_010, 3);
    expect(d.isEjected(1, 30_020)).toBe(false);
    d.onResult(1, 30_020, false);
    fail(d, 1, 30_021);
    expect(d.isEjected(1, 30_025)).toBe(true);
  });

  it('grows the ejection time with each back-to-back ejection up to maxEjectionTime', () => {
    const d = new OutlierDetector(10, envoy);
    const durations: number[] = [];
    let t = 0;
    for (let k = 0; k < 12; k++) {
      const at = fail(d, 0, t);
      durations.push((d.ejectedUntilMs(0) - at) / 1000);
      t = d.ejectedUntilMs(0);
      d.release(t);
    }
    expect(durations).toEqual([30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 300, 300]);
  });

  it('shrinks the multiplier by one per 10 s interval a released host stays healthy', () => {
    const d = new OutlierDetector(10, envoy);
    fail(d, 0, 0);
    d.release(30_004);
    fail(d, 0, 30_004 + 5_000);
    d.release(d.ejectedUntilMs(0));
    const releasedAt = d.ejectedUntilMs(0);
    // Multiplier 2, then 20 s healthy: two intervals take it to 0, so the next ejection is 30 s again.
    const at = fail(d, 0, releasedAt + 20_000);
    expect(d.ejectedUntilMs(0) - at).toBe(30_000);
  });

  it('releases hosts when their time passes, bumping the version and notifying', () => {
    const seen: Ejection[] = [];
    const released: string[] = [];
    const d = new OutlierDetector(
      2,
      { ...envoy, maxEjectionPercent: 100 },
      {
        onEject: (e) => seen.push(e),
        onRelease: (h, atMs) => released.push(`${h}@${atMs}`),
      },
    );
    fail(d, 0, 0);
    fail(d, 1, 1000);
    expect(d.nextReleaseAtMs).toBe(30_004);
    const v = d.version;
    expect(d.release(30_003)).toBe(0);
    expect(d.release(30_004)).toBe(1);
    expect(d.version).toBe(v + 1);
    expect(d.nextReleaseAtMs).toBe(31_004);
    expect(d.ejectedCount).toBe(1);
    d.onResult(0, 40_000, false);
    expect(d.ejectedCount).toBe(0);
    expect(released).toEqual(['0@30004', '1@31004']);
    expect(seen.map((e) => e.host)).toEqual([0, 1]);
  });
});
