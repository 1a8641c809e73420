import { DOUBLE_ZERO } from '../engine/doubleFields';
import { CAUSE, CAUSE_COUNT, type FailureCause } from '../metrics/failureCause';
import { LatencySketch, sketchValue } from '../metrics/latencySketch';
import { SeriesRing } from '../metrics/seriesRing';
import { sketchBucket } from '../metrics/sketchBuckets';
import { EDGE_SERIES, EDGE_SERIES_FIELDS, NODE_SERIES, NODE_SERIES_FIELDS } from './columns';
import { isSuccess } from './status';

/**
 * Counters of one node: requests in, answered and failed (by cause), latency after warm-up, busy
 * slot-time for utilisation, and the per-second series. Every update is O(1).
 */
export class NodeStats {
  arrived = 0;
  completed = 0;
  failed = 0;
  /** Failed answers by cause code; they sum to `failed`. */
  readonly failedByCause = new Float64Array(CAUSE_COUNT);
  /** Requests refused because the queue was full (fast 503). */
  rejected = 0;
  /** Responses after warm-up, the base of throughput. */
  measured = 0;
  measuredFailed = 0;
  readonly latency = new LatencySketch();
  /**
   * Latency of the answers in `latency` that refused a request before admission (a full queue, no
   * connection left, a filter's 4xx), so the accepted requests' latency is `latency` minus this.
   */
  readonly refusedLatency = new LatencySketch();
  readonly series = new SeriesRing(NODE_SERIES_FIELDS);

  // The running second.
  secResponses = 0;
  secErrors = 0;
  readonly secFailedByCause = new Float64Array(CAUSE_COUNT);
  readonly secLatency = new LatencySketch();

  // Slot-time areas: integrals of busy slots and of live slots over time.
  private busy = 0;
  private capacity = 0;
  private lastChangeMs = DOUBLE_ZERO;
  private busyArea = DOUBLE_ZERO;
  private capacityArea = DOUBLE_ZERO;
  private secBusyArea = DOUBLE_ZERO;
  private secCapacityArea = DOUBLE_ZERO;

  constructor(private readonly warmupMs: number) {}

  /** Records one answer given at `nowMs`, failed for `cause` unless a success, to a request that arrived at `arrivedMs`. */
  record(status: number, cause: FailureCause, arrivedMs: number, nowMs: number): void {
    const ok = isSuccess(status);
    if (ok) this.completed++;
    else {
      this.failed++;
      this.failedByCause[cause]!++;
      this.secFailedByCause[cause]!++;
      this.secErrors++;
    }
    this.secResponses++;
    const v = sketchValue(nowMs - arrivedMs);
    const bucket = sketchBucket(v);
    this.secLatency.addAt(bucket, v);
    if (arrivedMs >= this.warmupMs) {
      this.measured++;
      if (!ok) this.measuredFailed++;
      this.latency.addAt(bucket, v);
    }
  }

  /**
   * Marks an answer already recorded (`record`) as one that refused the request before it was
   * admitted (see `refusedLatency`).
   */
  recordRefusal(arrivedMs: number, nowMs: number): void {
    if (arrivedMs >= this.warmupMs) this.refusedLatency.add(nowMs - arrivedMs);
  }

  /** Latency of the admitted requests after warm-up: every answer but the refusals. */
  acceptedLatency(): LatencySketch {
    return this.latency.since(this.refusedLatency);
  }

  /** Moves the busy-slot count by `delta` at `nowMs`. */
  busyChange(delta: number, nowMs: number): void {
    this.integrate(nowMs);
    this.busy += delta;
  }

  /** Moves the live-slot capacity by `delta` at `nowMs`. */
  capacityChange(delta: number, nowMs: number): void {
    this.integrate(nowMs);
    this.capacity += delta;
  }

  /** Busy slot-time over live slot-time since the start (0 without capacity). */
  utilization(nowMs: number): number {
    this.integrate(nowMs);
    return this.capacityArea > 0 ? this.busyArea / this.capacityArea : 0;
  }

  /** Closes the running second: appends a series point and resets the second's counters. */
  closeSecond(nowMs: number, queueDepth: number, inFlight: number): void {
    this.integrate(nowMs);
    const s = this.series;
    s.push(nowMs);
    s.set(NODE_SERIES.throughput, this.secResponses);
    s.set(NODE_SERIES.errors, this.secErrors);
    s.set(NODE_SERIES.p50Ms, this.secLatency.quantile(0.5));
    s.set(NODE_SERIES.p99Ms, this.secLatency.quantile(0.99));
    s.set(NODE_SERIES.queueDepth, queueDepth);
    s.set(NODE_SERIES.inFlight, inFlight);
    s.set(NODE_SERIES.utilization, this.secCapacityArea > 0 ? this.secBusyArea / this.secCapacityArea : 0);
    s.set(NODE_SERIES.p95Ms, this.secLatency.quantile(0.95));
    // Only a second with failures has causes to clear.
    if (this.secErrors > 0) this.secFailedByCause.fill(0);
    this.secResponses = 0;
    this.secErrors = 0;
    this.secLatency.clear();
    this.secBusyArea = 0;
    this.secCapacityArea = 0;
  }

  private integrate(nowMs: number): void {
    const dt = nowMs - this.lastChangeMs;
    if (dt > 0) {
      const busy = this.busy * dt;
      const cap = this.capacity * dt;
      this.busyArea += busy;
      this.capacityArea += cap;
      this.secBusyArea += busy;
      this.secCapacityArea += cap;
      this.lastChangeMs = nowMs;
    }
  }
}

/** Counters of one edge, kept on the caller side: calls, attempts, retries, outcomes, latency. */
export class EdgeStats {
  calls = 0;
  attempts = 0;
  /** Attempts after the first of their call. */
  retries = 0;
  /** Calls that ended in failure (before any fallback). */
  failed = 0;
  /** Failed calls by cause code; they sum to `failed`. */
  readonly failedByCause = new Float64Array(CAUSE_COUNT);
  timeouts = 0;
  connectFailures = 0;
  fallbacks = 0;
  /** Calls refused by the call policy (an open breaker). Invariant: attempts = calls - rejected + retries. */
  rejected = 0;
  /** Calls started and not yet ended. */
  inFlight = 0;
  readonly latency = new LatencySketch();
  readonly series = new SeriesRing(EDGE_SERIES_FIELDS);
  secCalls = 0;
  secFailed = 0;
  secRetries = 0;
  secTimeouts = 0;
  readonly secLatency = new LatencySketch();
  /** A bus delivery edge's publish-to-handled times in the current second. */
  readonly secEndToEnd = new LatencySketch();

  constructor(private readonly warmupMs: number) {}

  /** Records one event's time from publish to handled, on the bus edge that delivered it. */
  recordEndToEnd(ms: number): void {
    this.secEndToEnd.add(ms);
  }

  /**
   * Records one message of a non-request edge (a bus delivery, a projected event, a heartbeat, a
   * config fetch) as one call of one attempt, so attempts = calls - rejected + retries holds for
   * these edges too; a message fails for `cause` unless that is `CAUSE.none`; `latencyMs` is given
   * where the message has a meaningful travel time.
   */
  countMessage(cause: FailureCause, nowMs: number, latencyMs?: number): void {
    this.calls++;
    this.attempts++;
    this.secCalls++;
    if (latencyMs === undefined) this.countOutcome(cause === CAUSE.none, cause);
    else this.record(cause === CAUSE.none, cause, nowMs - latencyMs, nowMs);
  }

  /** Records the end of a call started at `startMs`, failed for `cause` unless `ok`. */
  record(ok: boolean, cause: FailureCause, startMs: number, nowMs: number): void {
    this.countOutcome(ok, cause);
    const v = sketchValue(nowMs - startMs);
    const bucket = sketchBucket(v);
    this.secLatency.addAt(bucket, v);
    if (startMs >= this.warmupMs) this.latency.addAt(bucket, v);
  }

  private countOutcome(ok: boolean, cause: FailureCause): void {
    if (ok) return;
    this.failed++;
    this.failedByCause[cause]!++;
    this.secFailed++;
  }

  /** Closes the running second. */
  closeSecond(nowMs: number): void {
    const s = this.series;
    s.push(nowMs);
    s.set(EDGE_SERIES.calls, this.secCalls);
    s.set(EDGE_SERIES.failed, this.secFailed);
    s.set(EDGE_SERIES.retries, this.secRetries);
    s.set(EDGE_SERIES.timeouts, this.secTimeouts);
    s.set(EDGE_SERIES.p99Ms, this.secLatency.quantile(0.99));
    s.set(EDGE_SERIES.endToEndP99Ms, this.secEndToEnd.quantile(0.99));
    this.secCalls = 0;
    this.secFailed = 0;
    this.secRetries = 0;
    this.secTimeouts = 0;
    this.secEndToEnd.clear();
    this.secLatency.clear();
  }
}
