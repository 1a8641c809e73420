import type { ArchDocument, RunSummary, Trace } from '../core';
import { createRun } from '../core';

/** Options of a traced run. */
export interface TracedRunOptions {
  /** Trace every n-th client request; default 10. */
  sampleEvery?: number;
  seed?: number;
  durationSec?: number;
  /** Told the simulated time run so far and the run's length after every slice (for a progress bar). */
  onProgress?: (nowMs: number, durationMs: number) => void;
}

/** A run's sampled traces, all of them, with the run's summary. */
export interface TracedRun {
  traces: Trace[];
  summary: RunSummary;
  sampleEvery: number;
  /** Sampled traces that left the run's bounded trace store before they could be collected. */
  lost: number;
}

/** Simulated time between two collections: short enough that the store's 200 traces do not roll over. */
const SLICE_MS = 100;

/**
 * Runs a document to its end, collecting every sampled trace. The run keeps only its newest traces,
 * so the run is advanced in short slices and each trace is taken (by reference, so it completes in
 * place) as soon as it appears; traces that still rolled over are counted as lost.
 */
export function runTraced(doc: ArchDocument, options: TracedRunOptions = {}): TracedRun {
  const sampleEvery = Math.max(1, Math.round(options.sampleEvery ?? 10));
  const run = createRun(doc, {
    seed: options.seed,
    durationSec: options.durationSec,
    traceSampleEvery: sampleEvery,
  });
  const held = new Map<number, Trace>();
  let newest = 0;
  let lost = 0;
  const take = () => {
    const list = run.traces();
    const first = list[0]?.traceId;
    if (first !== undefined && first > newest + 1) lost += first - newest - 1;
    for (const trace of list) {
      if (trace.traceId > newest) {
        held.set(trace.traceId, trace);
        newest = trace.traceId;
      }
    }
  };
  while (!run.done) {
    run.advance(run.nowMs + SLICE_MS);
    take();
    options.onProgress?.(run.nowMs, run.durationMs);
  }
  return { traces: [...held.values()], summary: run.summary(), sampleEvery, lost };
}
