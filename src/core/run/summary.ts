import type { AlertFiring } from '../components/events/logAlerts';
import { type OrdersSummary, ordersSummary } from '../components/runtimes/eventSummary';
import type { NodeKind } from '../kinds/nodeKinds';
import type { NodeSections } from '../kinds/runtimes';
import type { LatencySketch } from '../metrics/latencySketch';
import type { PolicySummary } from '../sim/callPolicy';
import { type FailuresSummary, failuresSummary } from '../sim/failureTotals';
import type { InvariantReport } from '../sim/invariants';
import type { PublishingCounts, PublishVia } from '../sim/publishLedger';
import { clientRequests, type RequestTotals } from '../sim/requestTotals';
import type { InstanceNumbers, NodeRuntime } from '../sim/types';
import type { World } from '../sim/world';
import type { RunStop } from './limits';

/** Latency percentiles in ms. */
interface LatencyJson {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** What every node's summary entry holds, whatever its kind. */
export interface NodeCounts {
  arrived: number;
  completed: number;
  failed: number;
  inFlight: number;
  queueDepth: number;
  rejected: number;
  healthyInstances: number;
  throughputPerSec: number;
  errorRate: number;
  utilization: number;
  /** Every answer after warm-up, fast refusals (a 503 at 0 ms) included. */
  latencyMs: LatencyJson;
  /** The admitted requests' latency only, comparable with a queueing model's response time. */
  acceptedLatencyMs: LatencyJson;
  /** Each instance's health, answers and utilisation, for nodes that serve from instances. */
  instances?: InstanceNumbers[];
}

/**
 * One node's entry of the run summary: its kind, its counts, then its kind's section
 * (kinds/runtimes.ts's NodeSections), so `if (n.kind === 'gateway') n.gateway.rateLimited` is typed.
 */
export type NodeSummary<K extends NodeKind = NodeKind> = {
  [P in K]: { kind: P } & NodeCounts & NodeSections[P];
}[K];

/** What every edge's summary entry holds. */
interface EdgeCounts {
  calls: number;
  attempts: number;
  failed: number;
  retries: number;
  timeouts: number;
  connectFailures: number;
  fallbacks: number;
  rejected: number;
  inFlight: number;
  latencyMs: LatencyJson;
}

/** Messages link faults lost, duplicated and held back on an edge. */
interface MessageCounts {
  lost: number;
  duplicated: number;
  reordered: number;
}

/** One edge's entry of the run summary: its counts, then what its call policy adds (breaker, outlier). */
type EdgeSummary = EdgeCounts & PolicySummary & { messages?: MessageCounts };

/** The run summary: plain JSON with a fixed key order and rounded numbers, byte-stable per seed. */
export interface RunSummary {
  seed: number;
  durationSec: number;
  simulatedSec: number;
  /** Present only when a limit stopped the run: the summary then covers the run up to the stop. */
  stopped?: RunStop;
  warmupSec: number;
  events: number;
  requests: RequestTotals;
  nodes: Record<string, NodeSummary>;
  edges: Record<string, EdgeSummary>;
  /** Failures by cause: end to end (`byCause` sums to `requests.failed`), per node and per edge. */
  failures: FailuresSummary;
  /** The e-commerce order flow's outcomes, when the document models the domain. */
  orders?: OrdersSummary;
  /** Every log processor's alert firings, by time fired, when some log processor declares alert rules. */
  alerts?: AlertFiring[];
  /** What became of the events appended to be published, per way (dual write, outbox), when some step does. */
  publishing?: Partial<Record<PublishVia, PublishingCounts>>;
  invariants: InvariantReport;
}

/** A node of the run and how its entry is written: its kind's section after the counts. */
export interface SummarizedNode<K extends NodeKind = NodeKind> {
  readonly runtime: NodeRuntime;
  summarize(counts: NodeCounts): NodeSummary<K>;
}

/** Rounds to 3 decimals, so summaries compare byte for byte and read well. */
export function round3(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const r = Math.round(x * 1000) / 1000;
  return r === 0 ? 0 : r;
}

function latencyJson(s: LatencySketch): LatencyJson {
  const l = s.summarize();
  return {
    mean: round3(l.mean),
    p50: round3(l.p50),
    p95: round3(l.p95),
    p99: round3(l.p99),
    max: round3(l.max),
  };
}

/** An edge's `messages` entry: what link faults did to its messages, only once they touched one. */
function messagesOf(counts: MessageCounts | null): { messages?: MessageCounts } {
  return counts === null ? {} : { messages: counts };
}

/** The `instances` entry of a node that reports them, rounded. */
function instancesOf(runtime: NodeRuntime): { instances?: InstanceNumbers[] } {
  const numbers = runtime.instanceNumbers?.();
  if (numbers === undefined || numbers.length === 0) return {};
  return { instances: numbers.map((n) => ({ ...n, utilization: round3(n.utilization) })) };
}

/**
 * Builds the summary. Counts cover the whole run; throughput, error rate and latency cover the time
 * after warm-up (requests that arrived after it). Maps are null-prototype objects so any node id is
 * a plain key.
 */
export function buildSummary(
  world: World,
  nodes: readonly SummarizedNode[],
  events: number,
  invariants: InvariantReport,
  stopped: RunStop | null = null,
): RunSummary {
  const now = world.sim.now;
  const measuredSec = Math.max(0, now - world.warmupMs) / 1000;
  const nodeEntries: Record<string, NodeSummary> = Object.create(null);
  for (const { runtime, summarize } of nodes) {
    const s = runtime.stats;
    nodeEntries[runtime.id] = summarize({
      arrived: s.arrived,
      completed: s.completed,
      failed: s.failed,
      inFlight: runtime.inFlight(),
      queueDepth: runtime.queueDepth(),
      rejected: s.rejected,
      healthyInstances: runtime.healthyInstances(),
      throughputPerSec: round3(measuredSec > 0 ? s.measured / measuredSec : 0),
      errorRate: round3(s.measured > 0 ? s.measuredFailed / s.measured : 0),
      utilization: round3(s.utilization(now)),
      latencyMs: latencyJson(s.latency),
      acceptedLatencyMs: latencyJson(s.acceptedLatency()),
      ...instancesOf(runtime),
    });
  }
  const edges: Record<string, EdgeSummary> = Object.create(null);
  for (const link of world.links) {
    const s = link.stats;
    edges[link.id] = {
      calls: s.calls,
      attempts: s.attempts,
      failed: s.failed,
      retries: s.retries,
      timeouts: s.timeouts,
      connectFailures: s.connectFailures,
      fallbacks: s.fallbacks,
      rejected: s.rejected,
      inFlight: s.inFlight,
      latencyMs: latencyJson(s.latency),
      ...link.policy.summary(),
      ...messagesOf(link.faults.summary()),
    };
  }
  const orders = ordersSummary(world);
  const alerts = alertFirings(world, nodeEntries);
  return {
    seed: world.options.seed,
    durationSec: round3(world.options.durationMs / 1000),
    simulatedSec: round3(now / 1000),
    ...(stopped ? { stopped } : {}),
    warmupSec: round3(world.warmupMs / 1000),
    events,
    requests: clientRequests(world),
    nodes: nodeEntries,
    edges,
    failures: failuresSummary(world),
    ...(orders ? { orders } : {}),
    ...(alerts ? { alerts } : {}),
    ...(publishes(world) ? { publishing: world.publishLedger.summary() } : {}),
    invariants,
  };
}

/** The alert firings of every log processor in node order (then by time), or undefined when no rule exists. */
function alertFirings(world: World, nodes: Record<string, NodeSummary>): AlertFiring[] | undefined {
  const withRules = world.document.nodes.filter(
    (n) => n.kind === 'logProcessor' && n.config.alerts.length > 0,
  );
  if (withRules.length === 0) return undefined;
  const out: AlertFiring[] = [];
  for (const n of withRules) {
    const entry = nodes[n.id];
    if (entry?.kind === 'logProcessor') out.push(...entry.logProcessor.alerts);
  }
  return out.sort((a, b) => a.firedAtMs - b.firedAtMs);
}

/** Whether some service step appends an event to publish it (a dual write or an outbox). */
function publishes(world: World): boolean {
  return world.document.nodes.some(
    (n) =>
      n.kind === 'service' &&
      [...n.config.endpoints, ...n.config.subscriptions].some((e) =>
        e.steps.some((s) => s.kind === 'append' && s.publish !== undefined),
      ),
  );
}
