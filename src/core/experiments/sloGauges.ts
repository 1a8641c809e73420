import type { Run, RunSummary } from './coreApi';
import type { SloWindow } from './sloWindow';

/** SLO metrics read from gauges (breaker state, backlog) rather than from counters. */

interface Transition {
  atMs: number;
  from: string;
  to: string;
}

/** The kept breaker transitions of an edge, from the run summary (none when it has no breaker). */
export function breakerTransitions(summary: RunSummary, edgeId: string): Transition[] {
  const breaker = summary.edges[edgeId]?.breaker as { transitions?: Transition[] } | undefined;
  return breaker?.transitions ?? [];
}

/**
 * Time the breaker of an edge spent OPEN inside the window, from its kept transition history (the
 * state before the first kept transition is that transition's `from`).
 */
export function breakerOpenMs(transitions: readonly Transition[], window: SloWindow): number {
  let state = transitions[0]?.from ?? 'CLOSED';
  let sinceMs = 0;
  let open = 0;
  const add = (untilMs: number) => {
    if (state !== 'OPEN') return;
    open += Math.max(0, Math.min(untilMs, window.endMs) - Math.max(sinceMs, window.startMs));
  };
  for (const t of transitions) {
    add(t.atMs);
    state = t.to;
    sinceMs = t.atMs;
  }
  add(window.endMs);
  return open;
}

/** The largest backlog of a bus or read model at the per-second ticks inside the window (and at its end). */
export function consumerLag(
  run: Run,
  summary: RunSummary,
  target: string,
  window: SloWindow,
  durationMs: number,
): number {
  const series = run.series(target);
  let lag = 0;
  if (series !== null) {
    const depth = series.values.queueDepth ?? [];
    series.atMs.forEach((atMs, k) => {
      if (atMs > window.startMs && atMs <= window.endMs) lag = Math.max(lag, depth[k]!);
    });
  }
  if (window.endMs >= durationMs) lag = Math.max(lag, summary.nodes[target]?.queueDepth ?? 0);
  return lag;
}
