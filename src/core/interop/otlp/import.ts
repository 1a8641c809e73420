import { finishImport } from '../finish';
import type { ImportResult } from '../types';
import { ASSUMED_CLIENT, DesignBuilder, type Root } from './design';
import { type FlatSpan, readOtlpSpans } from './read';
import { isCall, isServer, type Shape, ShapeBook, TraceTree } from './shapes';

/** Path variants one endpoint may get; rarer call shapes are folded into the most common one. */
const MAX_VARIANTS = 16;

function samplingOf(roots: readonly FlatSpan[]): number | undefined {
  for (const r of roots) {
    const p = r.attributes.get('sampler.param');
    if (typeof p === 'number' && p > 0 && p <= 1) return p;
  }
  return undefined;
}

/** Variant paths per shape: the most common shape of an endpoint keeps its path, others get `~v2`, `~v3`... */
function variantPaths(shapes: Iterable<Shape>, ignored: string[]): Map<string, string> {
  const byEndpoint = new Map<string, Shape[]>();
  for (const s of shapes) {
    const key = `${s.service}\u0000${s.method} ${s.path}`;
    byEndpoint.set(key, [...(byEndpoint.get(key) ?? []), s]);
  }
  const out = new Map<string, string>();
  for (const list of byEndpoint.values()) {
    list.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
    for (const [i, s] of list.entries()) {
      out.set(s.key, i === 0 || i >= MAX_VARIANTS ? s.path : `${s.path}~v${i + 1}`);
    }
    if (list.length > MAX_VARIANTS) {
      ignored.push(
        `${list[0]!.service} ${list[0]!.method} ${list[0]!.path}: ${list.length - MAX_VARIANTS} rare call shapes folded into the most common`,
      );
    }
  }
  return out;
}

/**
 * Reads OTLP/JSON traces into a design ready to run: one service per traced service, whose
 * endpoints replay the call shapes the traces show (a request that took another branch calls
 * another path variant, so call rates follow the traces), each endpoint's work a lognormal fitted
 * by moments to its spans' self time (duration minus time spent in calls), link latencies from call
 * minus server durations, and clients at the rate the sampled roots imply. What traces cannot say
 * (instances, timeouts, retries, breakers, error branches) is reported as assumed or ignored.
 */
export function importOtlp(text: string): ImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [`(root): not JSON: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  const read = readOtlpSpans(value);
  if ('error' in read) return { ok: false, errors: [read.error] };
  if (read.spans.length === 0) return { ok: false, errors: ['resourceSpans: no spans to import'] };
  const assumed: string[] = [];
  const ignored: string[] = [];
  if (read.skipped > 0) ignored.push(`${read.skipped} spans without ids or times were skipped`);
  const byTrace = new Map<string, FlatSpan[]>();
  for (const s of read.spans) byTrace.set(s.traceId, [...(byTrace.get(s.traceId) ?? []), s]);
  const book = new ShapeBook();
  const roots: Root[] = [];
  const rootSpans: FlatSpan[] = [];
  for (const spans of byTrace.values()) {
    const tree = new TraceTree(spans);
    for (const root of tree.roots) {
      rootSpans.push(root);
      if (isServer(root)) {
        roots.push({ client: ASSUMED_CLIENT, assumed: true, call: root, shape: book.shapeOf(tree, root) });
        continue;
      }
      const call = isCall(root) ? root : tree.callsUnder(root)[0];
      if (call === undefined) continue;
      const server = tree.serverOf(call);
      if (server !== undefined && server !== call) book.noteCall(root.service, call, server);
      roots.push({
        client: root.service,
        assumed: false,
        call,
        shape: server ? book.shapeOf(tree, server, call) : null,
      });
    }
  }
  if (roots.length === 0) return { ok: false, errors: ['resourceSpans: no trace has a request to replay'] };
  const paths = variantPaths(book.shapes.values(), ignored);
  const servers = new Set([...book.shapes.values()].map((s) => s.service));
  // Rate: sampled roots over the time they span, scaled up by the sampling probability.
  const p = samplingOf(rootSpans);
  if (p === undefined) assumed.push('no sampler.param on the root spans: every request was traced');
  const starts = roots.map((r) => r.call.startMs).sort((a, b) => a - b);
  const windowMs = starts.at(-1)! - starts[0]!;
  const totalRate =
    roots.length > 1 && windowMs > 0 ? (((roots.length - 1) / windowMs) * 1000) / (p ?? 1) : 1;
  const builder = new DesignBuilder(book, paths, servers, totalRate / roots.length);
  builder.addClients(roots);
  builder.addServices();
  assumed.push(...builder.assumed);
  ignored.push(...builder.ignored);
  if (book.parallel.size > 0)
    assumed.push(
      `${[...book.parallel].join(', ')}: calls that overlapped in the traces are made one after another`,
    );
  if (read.spans.some((s) => s.kind === 4) && !read.spans.some((s) => s.kind === 5)) {
    ignored.push(
      'events were published but no consumer spans were traced: the services consuming them are missing',
    );
  }
  assumed.push(
    "one instance per service, with concurrency 4x its mean requests in flight (Little's law), at least 8: traces do not say how many instances ran",
    "each endpoint works a lognormal fitted by moments to its spans' self time (duration minus time in calls)",
    'status codes are not modelled: imported services do not fail; requests that failed replay the calls they made',
    'timeouts, retries, breakers and load balancing are not in traces: defaults apply; a retried call is a second call',
  );
  const durationSec = Math.min(86_400, Math.max(10, Math.ceil(windowMs / 1000)));
  return finishImport(
    {
      name: 'Imported from OTLP traces',
      description: `${byTrace.size} traces, ${read.spans.length} spans, ${book.shapes.size} call shapes.`,
      nodes: builder.nodes,
      edges: builder.edges,
      scenario: { durationSec },
    },
    assumed,
    ignored,
  );
}
