/** One span of a sampled request: a server handling it or a client attempt calling over an edge. */
export interface Span {
  spanId: number;
  parentId: number | null;
  nodeId: string;
  edgeId: string | null;
  name: string;
  startMs: number;
  endMs: number | null;
  status: number | null;
}

/** A sampled request as a span tree (spans point at their parent). */
export interface Trace {
  traceId: number;
  startMs: number;
  spans: Span[];
}

/** Spans kept per trace; a retry storm must not grow one trace without bound. */
const MAX_SPANS_PER_TRACE = 256;

/**
 * Sampled request traces: every `sampleEvery`-th request is traced, and only the newest `capacity`
 * traces are kept, so tracing costs nothing for unsampled requests and bounded memory overall.
 * Sampling by count rather than by a random draw keeps the RNG streams untouched.
 */
export class TraceStore {
  private readonly ring: (Trace | undefined)[];
  private started = 0;
  private seen = 0;
  private nextSpanId = 1;

  constructor(
    readonly sampleEvery = 100,
    readonly capacity = 200,
  ) {
    this.ring = new Array(capacity);
  }

  /** Called once per request; returns a new trace when this request is sampled. */
  maybeStart(atMs: number): Trace | null {
    if (this.sampleEvery <= 0 || this.seen++ % this.sampleEvery !== 0) return null;
    const trace: Trace = { traceId: ++this.started, startMs: atMs, spans: [] };
    this.ring[trace.traceId % this.capacity] = trace;
    return trace;
  }

  /** Opens a span in `trace`; returns its id, or -1 when the trace is full. */
  open(
    trace: Trace,
    parentId: number,
    nodeId: string,
    edgeId: string | null,
    name: string,
    atMs: number,
  ): number {
    if (trace.spans.length >= MAX_SPANS_PER_TRACE) return -1;
    const spanId = this.nextSpanId++;
    trace.spans.push({
      spanId,
      parentId: parentId < 0 ? null : parentId,
      nodeId,
      edgeId,
      name,
      startMs: atMs,
      endMs: null,
      status: null,
    });
    return spanId;
  }

  /** Closes span `spanId` of `trace` with a status. */
  close(trace: Trace, spanId: number, atMs: number, status: number): void {
    if (spanId < 0) return;
    // Spans close roughly in reverse order of opening: search from the end.
    for (let i = trace.spans.length - 1; i >= 0; i--) {
      const span = trace.spans[i]!;
      if (span.spanId === spanId) {
        span.endMs = atMs;
        span.status = status;
        return;
      }
    }
  }

  /** Held traces, oldest first. */
  list(): Trace[] {
    const out: Trace[] = [];
    const first = Math.max(1, this.started - this.capacity + 1);
    for (let id = first; id <= this.started; id++) out.push(this.ring[id % this.capacity]!);
    return out;
  }
}
