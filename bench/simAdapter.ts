import { type ArchDocument, createRun } from '../src/core';

/** What the flow benchmarks need from a simulation run. */
export interface BenchRun {
  /** Advances the run to `untilMs` of virtual time (capped at the scenario's duration). */
  advanceTo(untilMs: number): void;
  /** Client requests finished so far, and engine events executed. */
  totals(): { ok: number; failed: number; events: number };
}

/** Opens a run of the document with its scenario's seed and duration, as `archplay run` does. */
export function openRun(document: ArchDocument): BenchRun {
  const run = createRun(document);
  return {
    advanceTo(untilMs) {
      run.advance(untilMs);
    },
    totals() {
      const { requests, events } = run.summary();
      return { ok: requests.ok, failed: requests.failed, events };
    },
  };
}
