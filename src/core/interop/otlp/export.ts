import type { ArchDocument, ArchEdge, Span, Trace } from '../core';
import { fileStem } from '../k8s/export';
import type { ExportResult } from '../types';
import { attributes, type KeyValue } from './attributes';
import { runTraced, type TracedRunOptions } from './collect';

/** Wall-clock start the virtual time 0 of a run is placed at: 2024-01-01T00:00:00Z, fixed so exports are byte-identical. */
const EPOCH_MS = 1_704_067_200_000;

/** OTLP span kinds. */
export const SPAN_KIND = { internal: 1, server: 2, client: 3, producer: 4 } as const;

/** Resource attribute naming the archplay kind of the node a resource stands for. */
export const ATTR_NODE_KIND = 'archplay.node.kind';
/** Span attribute naming the archplay kind of the node a client or producer span calls. */
export const ATTR_PEER_KIND = 'archplay.peer.kind';

const ATTEMPT = /^(.*) \(attempt (\d+)\)$/;
const HTTP = /^(GET|POST|PUT|PATCH|DELETE) (\/\S*)$/;

function unixNano(ms: number): string {
  return (BigInt(EPOCH_MS) * 1_000_000n + BigInt(Math.round(ms * 1e6))).toString();
}

/** Hex ids, non-zero: the trace id carries the seed so traces of runs with different seeds do not collide. */
function traceIdHex(seed: number, traceId: number): string {
  return `${seed.toString(16).padStart(8, '0')}${'0'.repeat(16)}${traceId.toString(16).padStart(8, '0')}`;
}

function spanIdHex(spanId: number): string {
  return spanId.toString(16).padStart(16, '0');
}

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: KeyValue[];
  status?: { code: number; message?: string };
}

/** Spans of a trace that closed, with every ancestor closed too (Jaeger needs both ends of a span). */
function finishedSpans(trace: Trace): Span[] {
  const ok = new Set<number>();
  const out: Span[] = [];
  for (const span of trace.spans) {
    const parentOk = span.parentId === null || ok.has(span.parentId);
    if (span.endMs !== null && parentOk) {
      ok.add(span.spanId);
      out.push(span);
    }
  }
  return out;
}

/** The OTLP form of one archplay span, with the HTTP and peer attributes semantic conventions name. */
function otlpSpan(
  span: Span,
  trace: Trace,
  seed: number,
  sampleEvery: number,
  edges: Map<string, ArchEdge>,
  kinds: Map<string, string>,
  request: Map<number, { method: string; path: string }>,
): OtlpSpan {
  const attempt = ATTEMPT.exec(span.name);
  const name = attempt ? attempt[1]! : span.name;
  const http = HTTP.exec(name);
  const edge = span.edgeId === null ? undefined : edges.get(span.edgeId);
  const values: Record<string, string | number | boolean | undefined> = {};
  let kind: number;
  if (edge !== undefined) {
    kind = edge.kind === 'async' ? SPAN_KIND.producer : SPAN_KIND.client;
    values['peer.service'] = edge.target;
    values[ATTR_PEER_KIND] = kinds.get(edge.target);
    values['archplay.edge.id'] = edge.id;
    if (http) request.set(span.spanId, { method: http[1]!, path: http[2]! });
    if (!http) values['archplay.step'] = name.split(' ')[0];
    if (attempt && Number(attempt[2]) > 1) values['http.request.resend_count'] = Number(attempt[2]) - 1;
    if (edge.kind === 'async')
      Object.assign(values, { 'messaging.system': 'archplay', 'messaging.operation.type': 'publish' });
  } else if (span.parentId === null) {
    kind = SPAN_KIND.internal;
    Object.assign(values, { 'sampler.type': 'probabilistic', 'sampler.param': 1 / sampleEvery });
    if (http) request.set(span.spanId, { method: http[1]!, path: http[2]! });
  } else {
    kind = SPAN_KIND.server;
  }
  const req = request.get(edge === undefined && span.parentId !== null ? span.parentId : span.spanId);
  if (req !== undefined) {
    values['http.request.method'] = req.method;
    values['url.path'] = req.path;
  }
  const status = span.status ?? 0;
  if (status >= 100) values['http.response.status_code'] = status;
  const failed = status === 0 || status >= 500 || (kind !== SPAN_KIND.server && status >= 400);
  const out: OtlpSpan = {
    traceId: traceIdHex(seed, trace.traceId),
    spanId: spanIdHex(span.spanId),
    name,
    kind,
    startTimeUnixNano: unixNano(span.startMs),
    endTimeUnixNano: unixNano(span.endMs!),
    attributes: attributes(values),
  };
  if (span.parentId !== null) out.parentSpanId = spanIdHex(span.parentId);
  if (failed) out.status = { code: 2, message: status === 0 ? 'no response' : `HTTP ${status}` };
  return out;
}

/**
 * Traces as OTLP/JSON (`resourceSpans`): one resource per node (`service.name` = node id, with its
 * archplay kind), client, producer, server and internal spans with parent ids, start and end times,
 * HTTP attributes and error statuses, as Jaeger's OTLP JSON import reads them.
 */
export function tracesToOtlp(
  doc: ArchDocument,
  traces: readonly Trace[],
  seed: number,
  sampleEvery: number,
): string {
  const edges = new Map(doc.edges.map((e) => [e.id, e]));
  const kinds = new Map(doc.nodes.map((n) => [n.id, n.kind as string]));
  const byNode = new Map<string, OtlpSpan[]>(doc.nodes.map((n) => [n.id, []]));
  for (const trace of traces) {
    const request = new Map<number, { method: string; path: string }>();
    for (const span of finishedSpans(trace)) {
      byNode.get(span.nodeId)?.push(otlpSpan(span, trace, seed, sampleEvery, edges, kinds, request));
    }
  }
  const resourceSpans = doc.nodes
    .filter((n) => byNode.get(n.id)!.length > 0)
    .map((n) => ({
      resource: {
        attributes: attributes({
          'service.name': n.id,
          [ATTR_NODE_KIND]: n.kind,
          'service.version': n.kind === 'service' ? n.config.version : undefined,
        }),
      },
      scopeSpans: [{ scope: { name: 'archplay' }, spans: byNode.get(n.id)! }],
    }));
  return `${JSON.stringify({ resourceSpans })}\n`;
}

/** Runs the document and exports its sampled traces as OTLP/JSON (see {@link tracesToOtlp}). */
export function exportOtlp(doc: ArchDocument, options: TracedRunOptions = {}): ExportResult {
  const run = runTraced(doc, options);
  const seed = (options.seed ?? doc.scenario.seed) >>> 0;
  const notes = [`${run.traces.length} traces, sampled 1 in ${run.sampleEvery} requests`];
  if (run.lost > 0)
    notes.push(`${run.lost} sampled traces rolled out of the run's trace store before they were collected`);
  const text = tracesToOtlp(doc, run.traces, seed, run.sampleEvery);
  return { files: [{ name: `${fileStem(doc.name)}.otlp.json`, text }], notes };
}
