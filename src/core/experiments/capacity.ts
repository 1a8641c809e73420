import { round3 } from './coreApi';
import type { SloVerdict, TaskRecord } from './records';
import { samplesByPath } from './records';

/** One rate tried by a capacity search and whether every chosen SLO held there. */
export interface CapacityStep {
  ratePerSec: number;
  ok: boolean;
}

/** Bounds of a capacity search. */
export interface CapacityOptions {
  /** Stop when (fail - pass) / pass is at most this. */
  tolerance: number;
  /** Give up bracketing upwards past this rate (the SLOs hold everywhere we can look). */
  maxRatePerSec: number;
  /** Give up bracketing downwards below this rate (the SLOs fail even with almost no load). */
  minRatePerSec: number;
}

export const CAPACITY_DEFAULTS: CapacityOptions = {
  tolerance: 0.01,
  maxRatePerSec: 1e6,
  minRatePerSec: 1e-3,
};

/** A rate as tried and printed: 6 significant digits, so the search's steps read well and replay exactly. */
function tidyRate(x: number): number {
  return Number(x.toPrecision(6));
}

/** The highest passing rate below the lowest failing one, and that failing rate (either may be missing). */
export function capacityBracket(steps: readonly CapacityStep[]): {
  pass: number | null;
  fail: number | null;
} {
  let fail: number | null = null;
  for (const s of steps) if (!s.ok && (fail === null || s.ratePerSec < fail)) fail = s.ratePerSec;
  let pass: number | null = null;
  for (const s of steps) {
    if (s.ok && (fail === null || s.ratePerSec < fail) && (pass === null || s.ratePerSec > pass))
      pass = s.ratePerSec;
  }
  return { pass, fail };
}

/**
 * The next rate a capacity search should try, or null when it is done. It starts at the document's
 * rate, brackets by doubling (while the SLOs hold) or halving (while they fail), then bisects the
 * bracket until it is within the tolerance. Pure: the search is a function of what was tried.
 */
export function nextCapacityRate(
  startRatePerSec: number,
  steps: readonly CapacityStep[],
  options: CapacityOptions = CAPACITY_DEFAULTS,
): number | null {
  if (steps.length === 0) return tidyRate(Math.max(startRatePerSec, options.minRatePerSec));
  const { pass, fail } = capacityBracket(steps);
  if (fail === null) {
    const next = tidyRate(pass! * 2);
    return next > options.maxRatePerSec ? null : next;
  }
  if (pass === null) {
    const next = tidyRate(fail / 2);
    return next < options.minRatePerSec ? null : next;
  }
  if ((fail - pass) / pass <= options.tolerance) return null;
  const next = tidyRate((pass + fail) / 2);
  // Six digits can no longer split the bracket: it is as narrow as a rate is printed.
  return next === pass || next === fail ? null : next;
}

/** One point of the capacity output. */
export interface CapacityPointJson {
  ratePerSec: number;
  ok: boolean;
  slos: SloVerdict[];
}

/**
 * The node that saturates first: the highest mean utilisation at the given rate. Utilisation is
 * busy slot-time over live slot-time, so a station of c slots counts as saturated when all c are
 * busy, not when one is. Clients (which only send) are left out; ties go to the first in the document.
 */
export function bottleneck(
  records: readonly TaskRecord[],
  nodeIds: readonly string[],
): { node: string; utilization: number } | null {
  const samples = samplesByPath(records);
  let best: { node: string; utilization: number } | null = null;
  for (const id of nodeIds) {
    const xs = samples.get(`nodes.${id}.utilization`);
    if (!xs) continue;
    const u = round3(xs.reduce((a, b) => a + b, 0) / xs.length);
    if (best === null || u > best.utilization) best = { node: id, utilization: u };
  }
  return best;
}
