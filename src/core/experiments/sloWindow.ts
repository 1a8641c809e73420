import type { Slo } from './coreApi';

/** The window an SLO reads, in ms: [fromSec, toSec) of the SLO, clipped to after warm-up and to the run. */
export interface SloWindow {
  startMs: number;
  endMs: number;
}

/** Clips an SLO's window to the measured part of the run (after warm-up, before the end). */
export function sloWindow(slo: Slo, durationMs: number, warmupMs: number): SloWindow {
  const startMs = Math.min(durationMs, Math.max(warmupMs, (slo.fromSec ?? 0) * 1000));
  const endMs = Math.max(
    startMs,
    Math.min(durationMs, slo.toSec === undefined ? durationMs : slo.toSec * 1000),
  );
  return { startMs, endMs };
}
