import { LatencySketch } from '../../metrics/latencySketch';

/** Quantiles of one latency in ms, rounded to 3 decimals (the run summary's rounding). */
export interface FlowQuantiles {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
}

function round3(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const r = Math.round(x * 1000) / 1000;
  return r === 0 ? 0 : r;
}

function quantiles(s: LatencySketch): FlowQuantiles {
  return {
    mean: round3(s.mean()),
    p50: round3(s.quantile(0.5)),
    p95: round3(s.quantile(0.95)),
    p99: round3(s.quantile(0.99)),
  };
}

/**
 * How long one consumer group's events take: from publish to the delivery that was acknowledged
 * (`waitMs`, the time the event waited in its partition, earlier failed attempts and their backoff
 * included) and from publish to the acknowledgement (`endToEndMs`, waiting plus handling). Only events
 * published after the warm-up count, so a run's first seconds do not skew the figures. The mean is
 * exact; quantiles carry the sketch's 1 % relative accuracy.
 */
export class FlowLatency {
  readonly endToEnd = new LatencySketch();
  readonly wait = new LatencySketch();

  constructor(private readonly warmupMs: number) {}

  /** Records one handled event. */
  record(publishedAtMs: number, deliveredAtMs: number, handledAtMs: number): void {
    if (publishedAtMs < this.warmupMs) return;
    this.endToEnd.add(handledAtMs - publishedAtMs);
    this.wait.add(deliveredAtMs - publishedAtMs);
  }

  summary(): { endToEndMs: FlowQuantiles; waitMs: FlowQuantiles } {
    return { endToEndMs: quantiles(this.endToEnd), waitMs: quantiles(this.wait) };
  }
}
