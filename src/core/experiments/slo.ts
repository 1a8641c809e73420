import {
  type ArchDocument,
  LatencySketch,
  type MeterReading,
  type Run,
  type RunSummary,
  round3,
  type Slo,
  type SloMetric,
  type SloOp,
  SYSTEM_TARGET,
} from './coreApi';
import { breakerOpenMs, breakerTransitions, consumerLag } from './sloGauges';
import { type SloWindow, sloWindow } from './sloWindow';

export { type SloWindow, sloWindow } from './sloWindow';

/** The verdict of one SLO after a run, as `run --json` prints it. */
export interface SloResult {
  id: string;
  ok: boolean;
  observed: number;
  op: SloOp;
  value: number;
}

/**
 * An SLO's reading while its run goes on: the value over the part of its window already run, judged
 * like the final verdict (`ok`), or `waiting` with no value before the window opens. `final` once the
 * window is over: the value is then the one the run's verdict will carry.
 */
export interface LiveSloResult {
  id: string;
  state: 'waiting' | 'open' | 'final';
  ok: boolean;
  observed: number | null;
  op: SloOp;
  value: number;
}

/** A run's summary as `run --json` prints it: with each SLO's verdict when the document declares SLOs. */
export type RunReport = RunSummary & { slos?: SloResult[] };

/** True when `observed op value` holds. */
export function sloHolds(op: SloOp, observed: number, value: number): boolean {
  switch (op) {
    case '<':
      return observed < value;
    case '<=':
      return observed <= value;
    case '>':
      return observed > value;
    case '>=':
      return observed >= value;
  }
}

/** Metrics read from the gauges in the summary and series instead of from counters. */
const GAUGE_METRICS: readonly SloMetric[] = ['breakerOpenMs', 'consumerLag'];

const EMPTY: MeterReading = { responses: 0, failures: 0, latency: new LatencySketch() };

/** One reading of a target: a node's or edge's meter, or the sum over every client for "system". */
function readTarget(run: Run, target: string, clientIds: readonly string[]): MeterReading {
  if (target !== SYSTEM_TARGET) return run.meter(target) ?? EMPTY;
  const sum: MeterReading = { responses: 0, failures: 0, latency: new LatencySketch() };
  for (const id of clientIds) {
    const m = run.meter(id);
    if (m === null) continue;
    sum.responses += m.responses;
    sum.failures += m.failures;
    sum.latency.merge(m.latency);
  }
  return sum;
}

/** The value of a counter metric between two readings taken `windowMs` apart. */
function counterValue(metric: SloMetric, start: MeterReading, end: MeterReading, windowMs: number): number {
  const responses = end.responses - start.responses;
  const errorRate = responses > 0 ? (end.failures - start.failures) / responses : 0;
  switch (metric) {
    case 'errorRate':
      return errorRate;
    case 'availability':
      return 1 - errorRate;
    case 'throughputPerSec':
      return windowMs > 0 ? responses / (windowMs / 1000) : 0;
    default: {
      const window = end.latency.since(start.latency);
      if (metric === 'meanMs') return window.mean();
      const q = { p50Ms: 0.5, p95Ms: 0.95, p99Ms: 0.99, p999Ms: 0.999 }[metric as 'p50Ms'];
      return window.quantile(q);
    }
  }
}

/** A run's summary and the verdict of every SLO of its document. */
export interface ObservedRun {
  summary: RunSummary;
  slos: SloResult[];
}

/**
 * Watches one run for its document's SLOs. A host that advances the run itself (the app's worker,
 * in slices) stops it at {@link nextStopMs} and calls {@link observe} after every advance; at the
 * end, {@link results} gives the verdicts. Counter metrics (latency percentiles and mean, error
 * rate, availability, throughput) are the difference of two meter readings taken at the window's
 * ends, so they cover exactly the responses in the window; stopping there changes no event. Gauges
 * come from the breaker history and the per-second series.
 */
export class SloObserver {
  private readonly slos: readonly Slo[];
  private readonly windows: SloWindow[];
  private readonly counters: boolean[];
  private readonly clientIds: string[];
  /** Window ends still to read, ascending. */
  private readonly stops: number[];
  private readonly readings = new Map<string, MeterReading>();

  constructor(
    private readonly run: Run,
    document: ArchDocument,
  ) {
    this.slos = document.scenario.slos ?? [];
    const durationMs = run.durationMs;
    const warmupMs = Math.min(document.scenario.warmupSec * 1000, durationMs);
    this.clientIds = document.nodes.filter((n) => n.kind === 'client').map((n) => n.id);
    this.windows = this.slos.map((slo) => sloWindow(slo, durationMs, warmupMs));
    this.counters = this.slos.map((slo) => !GAUGE_METRICS.includes(slo.metric));
    const ends = this.windows.flatMap((w, i) => (this.counters[i] ? [w.startMs, w.endMs] : []));
    this.stops = [...new Set(ends)].sort((a, b) => a - b);
  }

  /** The next run time the host must stop at, so a window's reading is taken on time (Infinity: none). */
  nextStopMs(): number {
    return this.stops[0] ?? Number.POSITIVE_INFINITY;
  }

  /** Takes every reading that is due at the run's current time. */
  observe(): void {
    while (this.stops.length > 0 && this.stops[0]! <= this.run.nowMs) this.take(this.stops.shift()!);
  }

  private take(atMs: number): void {
    this.slos.forEach((slo, i) => {
      const w = this.windows[i]!;
      if (!this.counters[i] || (w.startMs !== atMs && w.endMs !== atMs)) return;
      const key = `${atMs}|${slo.target}`;
      if (this.readings.has(key)) return;
      this.readings.set(key, atMs === 0 ? EMPTY : readTarget(this.run, slo.target, this.clientIds));
    });
  }

  /**
   * Every SLO's value so far, in document order, for a live view: counter metrics over the window
   * from its start to now (or to its end once passed), gauges likewise. It reads the run and changes
   * nothing, so it may be called between any two slices.
   */
  live(): LiveSloResult[] {
    this.observe();
    const nowMs = this.run.nowMs;
    const needsSummary = this.windows.some((w, i) => !this.counters[i] && w.startMs <= nowMs);
    const summary = needsSummary ? this.run.summary() : null;
    return this.slos.map((slo, i): LiveSloResult => {
      const w = this.windows[i]!;
      const base = { id: slo.id, op: slo.op, value: slo.value };
      // A window with no run time in it yet has nothing to say.
      if (nowMs < w.startMs || (nowMs === w.startMs && nowMs < w.endMs))
        return { ...base, state: 'waiting', ok: true, observed: null };
      const seen: SloWindow = { startMs: w.startMs, endMs: Math.min(w.endMs, nowMs) };
      let observed: number;
      if (slo.metric === 'breakerOpenMs')
        observed = breakerOpenMs(breakerTransitions(summary!, slo.target), seen);
      else if (slo.metric === 'consumerLag')
        observed = consumerLag(this.run, summary!, slo.target, seen, seen.endMs);
      else {
        const start = this.readings.get(`${w.startMs}|${slo.target}`) ?? EMPTY;
        const end =
          nowMs >= w.endMs
            ? (this.readings.get(`${w.endMs}|${slo.target}`) ?? EMPTY)
            : readTarget(this.run, slo.target, this.clientIds);
        observed = counterValue(slo.metric, start, end, seen.endMs - seen.startMs);
      }
      observed = round3(observed);
      const state = nowMs >= w.endMs ? 'final' : 'open';
      return { ...base, state, ok: sloHolds(slo.op, observed, slo.value), observed };
    });
  }

  /** The verdict of every SLO, in document order, once the run is over. */
  results(summary: RunSummary): SloResult[] {
    this.observe();
    const durationMs = this.run.durationMs;
    return this.slos.map((slo, i): SloResult => {
      const w = this.windows[i]!;
      let observed: number;
      if (slo.metric === 'breakerOpenMs')
        observed = breakerOpenMs(breakerTransitions(summary, slo.target), w);
      else if (slo.metric === 'consumerLag')
        observed = consumerLag(this.run, summary, slo.target, w, durationMs);
      else {
        const start = this.readings.get(`${w.startMs}|${slo.target}`) ?? EMPTY;
        const end = this.readings.get(`${w.endMs}|${slo.target}`) ?? EMPTY;
        observed = counterValue(slo.metric, start, end, w.endMs - w.startMs);
      }
      observed = round3(observed);
      return {
        id: slo.id,
        ok: sloHolds(slo.op, observed, slo.value),
        observed,
        op: slo.op,
        value: slo.value,
      };
    });
  }
}

/** Runs `run` to its end, stopping at the SLO windows' ends, and returns its summary and SLO verdicts. */
export function observeRun(run: Run, document: ArchDocument): ObservedRun {
  const observer = new SloObserver(run, document);
  observer.observe();
  for (let stop = observer.nextStopMs(); stop <= run.durationMs; stop = observer.nextStopMs()) {
    run.advance(stop);
    observer.observe();
  }
  run.runToEnd();
  const summary = run.summary();
  return { summary, slos: observer.results(summary) };
}
