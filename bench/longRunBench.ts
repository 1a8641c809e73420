import type { ArchDocument } from '../src/core';
import { Stopwatch } from './clock';
import { longRunDocument } from './documents';
import { heapUsedMiB } from './gc';
import { openRun } from './simAdapter';

export interface LongRunOptions {
  ratePerSec: number;
}

const defaultLongRunOptions: LongRunOptions = { ratePerSec: 1000 };

export interface LongRunResult {
  wallSec: number;
  /** Process CPU time over the same spans (includes GC helper threads). */
  cpuSec: number;
  /** Heap before the run was built, for scale. */
  heapBaseMiB: number;
  heapRatio: number;
  heap5MiB: number;
  heap60MiB: number;
  completed: number;
  ratePerSec: number;
}

const MINUTE_MS = 60_000;

/** Wall and CPU time of one simulated hour, and the heap at minutes 5 and 60 after forced GC. */
export interface HourMeasurement {
  wallSec: number;
  cpuSec: number;
  heapRatio: number;
  heap5MiB: number;
  heap60MiB: number;
  completed: number;
}

/**
 * Runs a document for one simulated hour. Wall time covers building and advancing the run; the two
 * forced collections that measure the heap at minutes 5 and 60 are not counted.
 */
export function measureHour(document: ArchDocument): HourMeasurement {
  const watch = new Stopwatch();
  watch.start();
  const run = openRun(document);
  run.advanceTo(5 * MINUTE_MS);
  watch.stop();
  const heap5MiB = heapUsedMiB();
  watch.start();
  run.advanceTo(60 * MINUTE_MS);
  watch.stop();
  const heap60MiB = heapUsedMiB();
  const totals = run.totals();
  return {
    wallSec: watch.wallSec,
    cpuSec: watch.cpuSec,
    heapRatio: heap60MiB / heap5MiB,
    heap5MiB,
    heap60MiB,
    completed: totals.ok + totals.failed,
  };
}

/** One simulated hour through a small multi-hop flow. */
export function benchLongRun(options: LongRunOptions = defaultLongRunOptions): LongRunResult {
  const document = longRunDocument(options.ratePerSec, 3600);
  const heapBaseMiB = heapUsedMiB();
  return { ...measureHour(document), heapBaseMiB, ratePerSec: options.ratePerSec };
}
