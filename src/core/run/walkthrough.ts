import type { OrderFailureReason, OrderSaga, SagaStepName, SagaTransition } from '../domain/orderSaga';
import { peekDomain } from '../domain/runtime/domainContext';
import { resolveSagaLinks } from '../domain/runtime/orderSagaStep';
import { sagaOfTrace } from '../domain/runtime/tracedSagas';
import type { Span, Trace } from '../metrics/traces';
import type { ArchDocument } from '../model/schema';
import type { NodeRuntime } from '../sim/types';
import type { World } from '../sim/world';

/** Options of a walkthrough run: which client sends the one request, and which entry of its mix. */
export interface WalkthroughOptions {
  /** The client that sends the request; default the document's first client. */
  clientId?: string;
  /** The request-mix entry to send; default the first one that places an order, else the first. */
  mixIndex?: number;
}

/** One hop event of the followed request: a request reached a node, or a reply came back to the caller. */
export interface WalkthroughEvent {
  kind: 'request' | 'reply';
  /** Sender of this message: the caller for a request, the callee for a reply. */
  fromNodeId: string;
  toNodeId: string;
  edgeId: string;
  /** What was called: `POST /orders`, or a step message such as `append events`. */
  name: string;
  /** Attempt number of the call (retries count up from 1). */
  attempt: number;
  /** The attempt span of the hop (the same for its request and its reply). */
  spanId: number;
  atMs: number;
  /** Reply status (0 = no response: refused, reset or partitioned). */
  status?: number;
  /** Round trip as the caller saw it, for replies. */
  durationMs?: number;
}

/** The e-commerce saga behind the request, as plain data. */
export interface WalkthroughSaga {
  /** The saga step this hop performs, or the saga's current step when the hop is not a saga call. */
  name: SagaStepName | 'completed' | 'failed';
  /** Whether this hop is one of the saga's calls. */
  isSagaCall: boolean;
  state: 'running' | 'compensating' | 'completed' | 'failed';
  failureReason: OrderFailureReason | null;
  history: SagaTransition[];
  order: {
    orderId: string;
    userId: string;
    userName: string | null;
    productId: string;
    productName: string | null;
    quantity: number;
    amountCents: number;
  };
}

/** Result of one walkthrough step: the next hop event (null when none came within the budget). */
export interface WalkthroughStepResult {
  /** True once the request's trace is complete (every span closed) or the run ended. */
  done: boolean;
  nowMs: number;
  /** Engine events this step executed. */
  events: number;
  event: WalkthroughEvent | null;
  /** The followed request's trace so far (copies). */
  spans: Span[];
  sagaStep?: WalkthroughSaga;
}

/**
 * Picks the client and request-mix entry a walkthrough follows: the named (else first) client, and
 * the named entry, else the first POST under /orders when the document models the order saga,
 * else the first entry. Null when the document has no such client.
 */
export function resolveWalkthrough(
  document: ArchDocument,
  options: WalkthroughOptions,
): { clientId: string; mixIndex: number } | null {
  const client = document.nodes.find(
    (n) => n.kind === 'client' && (options.clientId === undefined || n.id === options.clientId),
  );
  if (client?.kind !== 'client') return null;
  const mix = client.config.requestMix;
  if (options.mixIndex !== undefined)
    return { clientId: client.id, mixIndex: Math.min(options.mixIndex, mix.length - 1) };
  const hasOrders = document.nodes.some((n) => n.kind === 'service' && n.config.domain === 'order');
  const orderEntry = hasOrders
    ? mix.findIndex((t) => t.method === 'POST' && t.path.startsWith('/orders'))
    : -1;
  return { clientId: client.id, mixIndex: Math.max(0, orderEntry) };
}

interface Awaiting {
  span: Span;
  target: NodeRuntime;
  arrivedBefore: number;
}

const ATTEMPT_NAME = /^(.*) \(attempt (\d+)\)$/;

/**
 * Follows the run's first traced request hop by hop: executes engine events one at a time and turns
 * changes of that request's trace into events — a request reaching its target node (seen as the
 * node's arrival count moving while the attempt is in flight, which also covers nodes that open no
 * server span) and a reply reaching its caller (the attempt span closing). Several changes in one
 * engine event are queued and handed out one per step, so every hop is shown.
 */
export class WalkthroughCursor {
  private trace: Trace | null = null;
  private scanned = 0;
  private readonly awaiting: Awaiting[] = [];
  private readonly requested = new Set<number>();
  private readonly replied = new Set<number>();
  private readonly queue: WalkthroughEvent[] = [];
  private readonly sagaStepBySpan = new Map<number, SagaStepName>();
  private sagaEdges: Set<string> | null = null;

  constructor(
    private readonly world: World,
    private readonly stepEngine: () => number,
    private readonly runDone: () => boolean,
    /** False when no client sends a request (nothing to follow). */
    private readonly expectsRequest: boolean,
  ) {}

  /** Advances to the next hop event, executing at most `maxEvents` engine events. */
  next(maxEvents: number): WalkthroughStepResult {
    let events = 0;
    while (this.queue.length === 0 && !this.complete() && !this.runDone() && events < maxEvents) {
      const n = this.stepEngine();
      if (n === 0) break;
      events += n;
      this.collect();
    }
    const event = this.queue.shift() ?? null;
    const done = this.queue.length === 0 && (this.complete() || this.runDone());
    const result: WalkthroughStepResult = {
      done,
      nowMs: this.world.sim.now,
      events,
      event,
      spans: this.trace ? this.trace.spans.map((s) => ({ ...s })) : [],
    };
    const saga = this.trace ? sagaOfTrace(this.trace) : undefined;
    if (saga) result.sagaStep = this.sagaView(saga, event);
    return result;
  }

  /** Whether the followed request is over: its root span and every attempt closed and reported. */
  private complete(): boolean {
    const trace = this.trace;
    if (!trace) return !this.expectsRequest;
    if (trace.spans[0]?.endMs === null || this.awaiting.length > 0) return false;
    return trace.spans.every((s) => s.endMs !== null && (s.edgeId === null || this.replied.has(s.spanId)));
  }

  private collect(): void {
    this.trace ??= this.world.traces.list()[0] ?? null;
    const trace = this.trace;
    if (!trace) return;
    const now = this.world.sim.now;
    for (; this.scanned < trace.spans.length; this.scanned++) {
      const span = trace.spans[this.scanned]!;
      if (span.edgeId === null) continue;
      const link = this.world.links.find((l) => l.id === span.edgeId);
      if (!link) continue;
      this.awaiting.push({ span, target: link.target, arrivedBefore: link.target.stats.arrived });
      this.noteSagaStep(trace, span);
    }
    // Arrivals are consumed in the order the attempts were sent, one per arrival counted.
    const consumed = new Map<NodeRuntime, number>();
    for (let i = 0; i < this.awaiting.length; i++) {
      const a = this.awaiting[i]!;
      const used = consumed.get(a.target) ?? 0;
      const arrived = a.target.stats.arrived - a.arrivedBefore - used > 0;
      if (!arrived && a.span.endMs === null) continue;
      if (arrived) consumed.set(a.target, used + 1);
      this.awaiting.splice(i--, 1);
      this.requested.add(a.span.spanId);
      this.queue.push(this.eventOf('request', a.span, now));
    }
    for (const span of trace.spans) {
      if (span.edgeId === null || span.endMs === null) continue;
      if (!this.requested.has(span.spanId) || this.replied.has(span.spanId)) continue;
      this.replied.add(span.spanId);
      this.queue.push(this.eventOf('reply', span, now));
    }
  }

  private eventOf(kind: WalkthroughEvent['kind'], span: Span, atMs: number): WalkthroughEvent {
    const link = this.world.links.find((l) => l.id === span.edgeId)!;
    const m = ATTEMPT_NAME.exec(span.name);
    const base = {
      edgeId: link.id,
      name: m ? m[1]! : span.name,
      attempt: m ? Number(m[2]) : 1,
      spanId: span.spanId,
      atMs,
    };
    if (kind === 'request') return { kind, fromNodeId: link.source.id, toNodeId: link.target.id, ...base };
    return {
      kind,
      fromNodeId: link.target.id,
      toNodeId: link.source.id,
      ...base,
      status: span.status ?? 0,
      durationMs: (span.endMs ?? atMs) - span.startMs,
    };
  }

  /** Records which saga step an attempt performs: the saga's step when the order service sent it. */
  private noteSagaStep(trace: Trace, span: Span): void {
    const saga = sagaOfTrace(trace);
    if (!saga || saga.done) return;
    if (!this.sagaEdges) {
      const order = this.world.document.nodes.find(
        (n) => n.kind === 'service' && n.config.domain === 'order',
      );
      const links = order ? Object.values(resolveSagaLinks(this.world, order.id)) : [];
      this.sagaEdges = new Set(links.filter((l) => l !== null).map((l) => l.id));
    }
    if (this.sagaEdges.has(span.edgeId!)) this.sagaStepBySpan.set(span.spanId, saga.step as SagaStepName);
  }

  private sagaView(saga: OrderSaga, event: WalkthroughEvent | null): WalkthroughSaga {
    const callStep = event ? this.sagaStepBySpan.get(event.spanId) : undefined;
    const r = saga.request;
    const domain = peekDomain(this.world)?.domain;
    return {
      name: callStep ?? saga.step,
      isSagaCall: callStep !== undefined,
      state:
        saga.step === 'completed' || saga.step === 'failed'
          ? saga.step
          : saga.compensating
            ? 'compensating'
            : 'running',
      failureReason: saga.failureReason ?? null,
      history: saga.history.map((t) => ({ ...t })),
      order: {
        orderId: r.orderId,
        userId: r.userId,
        userName: domain?.users.get(r.userId)?.name ?? null,
        productId: r.productId,
        productName: domain?.catalog.get(r.productId)?.name ?? null,
        quantity: r.quantity,
        amountCents: saga.amountCents,
      },
    };
  }
}
