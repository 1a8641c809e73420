import type { Frame } from '../worker/protocol';
import { liveStore } from './liveStore';

/** Frame-handling samples kept for the test hook and the browser bench. */
const SAMPLE_LIMIT = 4096;

/**
 * Main-thread cost of one frame: `applyMs` is the store update alone, `handledMs` adds the React
 * render and commit it triggers (React flushes store-driven updates in a microtask queued during
 * the update, so a microtask queued after it runs once that commit is done).
 */
interface FrameTiming {
  applyMs: number;
  handledMs: number;
}

const timings: FrameTiming[] = [];
/** Main-thread time of each chart update (one chart's render, commit and recharts' own re-render). */
const chartTimings: number[] = [];
const renderCounts: Record<string, number> = Object.create(null);
let framesReceived = 0;

const now = (): number => globalThis.performance?.now() ?? 0;

/** The frame sink of the worker bridge: applies the frame and measures what it cost. */
export function receiveFrame(frame: Frame): void {
  framesReceived++;
  const start = now();
  liveStore.getState().applyFrame(frame);
  const applyMs = now() - start;
  queueMicrotask(() => {
    if (timings.length >= SAMPLE_LIMIT) timings.shift();
    timings.push({ applyMs, handledMs: now() - start });
  });
}

/** Records what one chart update cost on the main thread, for the browser bench. */
export function recordChartUpdate(ms: number): void {
  if (chartTimings.length >= SAMPLE_LIMIT) chartTimings.shift();
  chartTimings.push(ms);
}

/** Counts one render of a named component, so tests can prove a tick does not re-render the canvas. */
export function countRender(name: string): void {
  renderCounts[name] = (renderCounts[name] ?? 0) + 1;
}

/** What the test hook reports: frames received, their handling times, render counts. */
export interface LiveStatsSnapshot {
  framesReceived: number;
  timings: FrameTiming[];
  /** Main-thread time of each chart update, in ms. */
  chartUpdatesMs: number[];
  renders: Record<string, number>;
}

export function liveStats(): LiveStatsSnapshot {
  return {
    framesReceived,
    timings: timings.slice(),
    chartUpdatesMs: chartTimings.slice(),
    renders: { ...renderCounts },
  };
}

/** Forgets the timing samples (the render counts keep counting: tests compare differences). */
export function clearFrameTimings(): void {
  timings.length = 0;
  chartTimings.length = 0;
}
