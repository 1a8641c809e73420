import { ATTR_PEER_KIND } from './export';
import { coveredMs } from './fit';
import type { FlatSpan } from './read';

/** OTLP span kinds read here. */
const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export const isServer = (s: FlatSpan) => s.kind === SERVER || s.kind === CONSUMER;
export const isCall = (s: FlatSpan) => s.kind === CLIENT || s.kind === PRODUCER;
const isProducer = (s: FlatSpan) => s.kind === PRODUCER;

/** One call a server span makes: to whom, what, and (for a traced callee) the callee's own shape. */
export interface CallShape {
  peer: string;
  /** archplay kind of the peer when the trace says so, `eventBus` for a producer span, else undefined. */
  peerKind: string | undefined;
  method: string;
  path: string;
  topic: string | undefined;
  /** Key of the callee's shape, or null when the callee left no server span. */
  child: string | null;
}

/** What one server span did: its endpoint and the calls it made, in order. */
export interface Shape {
  key: string;
  service: string;
  method: string;
  path: string;
  calls: CallShape[];
  count: number;
}

/** The request behind a span: method and path from HTTP attributes, else from a `METHOD /path` name. */
function requestOf(span: FlatSpan, fallback?: FlatSpan): { method: string; path: string } {
  const attr = (key: string) => {
    const v = span.attributes.get(key) ?? fallback?.attributes.get(key);
    return typeof v === 'string' ? v : undefined;
  };
  const named = /^([A-Z]+) (\/\S*)/.exec(span.name);
  const method = (attr('http.request.method') ?? attr('http.method') ?? named?.[1] ?? 'GET').toUpperCase();
  let path = attr('url.path') ?? attr('http.target') ?? attr('http.route') ?? named?.[2] ?? '/';
  path = path.split('?')[0]!;
  if (!path.startsWith('/')) path = `/${path}`;
  return { method: METHODS.has(method) ? method : 'GET', path };
}

/** The spans of one trace, with children in start order. */
export class TraceTree {
  readonly byId = new Map<string, FlatSpan>();
  private readonly kids = new Map<string, FlatSpan[]>();
  readonly roots: FlatSpan[] = [];

  constructor(spans: readonly FlatSpan[]) {
    for (const s of spans) this.byId.set(s.spanId, s);
    for (const s of spans) {
      if (s.parentSpanId === null || !this.byId.has(s.parentSpanId)) this.roots.push(s);
      else {
        const list = this.kids.get(s.parentSpanId) ?? [];
        list.push(s);
        this.kids.set(s.parentSpanId, list);
      }
    }
    for (const list of this.kids.values()) list.sort((a, b) => a.startMs - b.startMs);
  }

  children(span: FlatSpan): readonly FlatSpan[] {
    return this.kids.get(span.spanId) ?? [];
  }

  /** Calls a span makes, looking through its internal spans; a server span met on the way counts as a call. */
  callsUnder(span: FlatSpan): FlatSpan[] {
    const out: FlatSpan[] = [];
    for (const child of this.children(span)) {
      if (isCall(child) || isServer(child)) out.push(child);
      else out.push(...this.callsUnder(child));
    }
    return out;
  }

  /** The server span that answered a call span, if the callee traced it. */
  serverOf(call: FlatSpan): FlatSpan | undefined {
    if (isServer(call)) return call;
    return this.children(call).find(isServer);
  }
}

/** Interns the shapes of server spans and gathers the timings the model is fitted to. */
export class ShapeBook {
  readonly shapes = new Map<string, Shape>();
  /** Self time (duration minus time in calls) per service and endpoint (`METHOD path`). */
  readonly selfMs = new Map<string, number[]>();
  /** Server span durations per service, for its concurrency. */
  readonly serverMs = new Map<string, number[]>();
  /** Durations of calls to peers that left no server span, per peer and request. */
  readonly leafMs = new Map<string, number[]>();
  /** One-way network time per caller -> callee link: half of call minus server duration. */
  readonly networkMs = new Map<string, number[]>();
  /** Durations of calls that ended before their callee answered (the caller's deadline), per link. */
  readonly giveUpMs = new Map<string, number[]>();
  /** Services whose sync calls overlapped (parallel calls the model makes one after another). */
  readonly parallel = new Set<string>();

  private static push(map: Map<string, number[]>, key: string, value: number): void {
    const list = map.get(key) ?? [];
    list.push(value);
    map.set(key, list);
  }

  /** Times one traced call: its network time each way, or the caller's deadline when it gave up first. */
  noteCall(caller: string, call: FlatSpan, server: FlatSpan): void {
    const link = `${caller}\u0000${server.service}`;
    if (call.endMs < server.endMs - 1e-6) ShapeBook.push(this.giveUpMs, link, call.endMs - call.startMs);
    else
      ShapeBook.push(
        this.networkMs,
        link,
        Math.max(0, (call.endMs - call.startMs - (server.endMs - server.startMs)) / 2),
      );
  }

  /** The shape of server span `span` (interned, counted once per call). */
  shapeOf(tree: TraceTree, span: FlatSpan, parentCall?: FlatSpan): string {
    const { method, path } = requestOf(span, parentCall);
    const calls: CallShape[] = [];
    const callSpans = tree.callsUnder(span);
    let lastEnd = -Infinity;
    for (const c of callSpans) {
      const server = tree.serverOf(c);
      const peerAttr = c.attributes.get('peer.service');
      const peer = server?.service ?? (typeof peerAttr === 'string' ? peerAttr : c.name);
      const kindAttr = c.attributes.get(ATTR_PEER_KIND);
      const peerKind = typeof kindAttr === 'string' ? kindAttr : isProducer(c) ? 'eventBus' : undefined;
      const request = requestOf(c);
      const topicAttr = c.attributes.get('messaging.destination.name');
      const child = server === undefined ? null : this.shapeOf(tree, server, server === c ? undefined : c);
      if (server === undefined)
        ShapeBook.push(this.leafMs, `${peer} ${request.method} ${request.path}`, c.endMs - c.startMs);
      else if (server !== c) this.noteCall(span.service, c, server);
      // Log writes do not wait: only calls that wait are checked for overlap.
      if (peerKind !== 'logRouter') {
        if (c.startMs < lastEnd - 1e-6) this.parallel.add(span.service);
        lastEnd = Math.max(lastEnd, c.endMs);
      }
      calls.push({
        peer,
        peerKind,
        method: request.method,
        path: request.path,
        topic: typeof topicAttr === 'string' ? topicAttr : undefined,
        child,
      });
    }
    const endpoint = `${method} ${path}`;
    const self =
      span.endMs -
      span.startMs -
      coveredMs(
        callSpans.map((c) => [c.startMs, c.endMs] as const),
        span.startMs,
        span.endMs,
      );
    ShapeBook.push(this.selfMs, `${span.service}\u0000${endpoint}`, Math.max(0, self));
    ShapeBook.push(this.serverMs, span.service, span.endMs - span.startMs);
    const key = `${span.service}\u0001${endpoint}\u0001${calls.map((c) => `${c.peer}|${c.peerKind ?? ''}|${c.method} ${c.path}|${c.topic ?? ''}|${c.child ?? ''}`).join('\u0002')}`;
    const known = this.shapes.get(key);
    if (known) known.count++;
    else this.shapes.set(key, { key, service: span.service, method, path, calls, count: 1 });
    return key;
  }
}
