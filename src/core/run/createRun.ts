import type { LogQuery, StoredLogEntry } from '../components/events/logTypes';
import { resilientCallPolicyFactory } from '../components/resilience/resilientCallPolicy';
import { queryRunLogs } from '../components/runtimes/logQuery';
import { eventInvariantCheck } from '../domain/runtime/runInvariants';
import { kindRuntimes } from '../kinds/runtimes';
import type { EventLogEntry } from '../metrics/eventLog';
import type { LatencySketch } from '../metrics/latencySketch';
import type { SeriesData } from '../metrics/seriesRing';
import type { Trace } from '../metrics/traces';
import type { ArchDocument, Fault } from '../model/schema';
import type { CallPolicyFactory } from '../sim/callPolicy';
import { EdgeLink } from '../sim/edgeLink';
import { applyFault, scheduleFaults } from '../sim/faults';
import { checkInvariants, type InvariantCheck, type InvariantReport } from '../sim/invariants';
import { buildFrame, MAX_LOG_PER_FRAME, type RunFrame } from '../sim/snapshot';
import { scheduleTicks } from '../sim/tick';
import { World } from '../sim/world';
import { type HostLimit, type RunLimits, type RunStop, resolveLimits } from './limits';
import { fixedEstimate, toMib } from './memoryEstimate';
import { buildNode, type KindRuntimes } from './nodes';
import { RunGuard } from './runGuard';
import { buildSummary, type RunSummary, type SummarizedNode } from './summary';
import {
  resolveWalkthrough,
  WalkthroughCursor,
  type WalkthroughOptions,
  type WalkthroughStepResult,
} from './walkthrough';

/** Options of one run; seed and duration default to the document's scenario. */
export interface RunOptions {
  seed?: number;
  durationSec?: number;
  /** Trace every n-th client request (0 = no traces). Default 100. */
  traceSampleEvery?: number;
  /** Builds each edge's call policy (breaker, balancer, outlier detection). */
  callPolicyFactory?: CallPolicyFactory;
  /** Overrides of the kind -> runtime table (kinds/runtimes.ts), merged over it (tests wrap a kind). */
  kindRuntimes?: Partial<KindRuntimes>;
  /** Invariants checked besides request conservation. */
  invariantChecks?: readonly InvariantCheck[];
  /**
   * Follow one request: only the chosen client sends, one request at time zero, every request is
   * traced, and {@link Run.walkthroughStep} walks it hop by hop.
   */
  walkthrough?: WalkthroughOptions;
  /** Limits over the defaults (limits.ts): events, requests held, the memory estimate, a stuck clock. */
  limits?: Partial<RunLimits>;
}

/**
 * A copy of a node's or edge's counters at one moment, for readings over a window (SLOs): two
 * readings subtract. Nodes count responses to requests that arrived after warm-up; edges count ended
 * calls. The sketch holds the latencies measured after warm-up.
 */
export interface MeterReading {
  responses: number;
  failures: number;
  latency: LatencySketch;
}

/** Result of running a slice. */
interface AdvanceResult {
  /** Events executed by this slice. */
  events: number;
  nowMs: number;
  done: boolean;
}

/** Result of stepping to the next request span: the node whose span started, if one did. */
interface SpanStepResult extends AdvanceResult {
  /** The node that received a request (a server span started there), or null if none did in budget. */
  nodeId: string | null;
}

/** Events a single span step may execute before giving up, so a quiet model cannot hang a step. */
const SPAN_STEP_MAX_EVENTS = 100_000;

/** The ids in the order frames list them, sent once per run. */
interface RunLayoutInfo {
  nodeIds: string[];
  edgeIds: string[];
  durationMs: number;
  seed: number;
}

/** A running simulation of one document; every input and output is plain data. */
export interface Run {
  readonly seed: number;
  readonly durationMs: number;
  /** Virtual time in ms. */
  readonly nowMs: number;
  /** Engine events executed so far. */
  readonly events: number;
  /** True once virtual time reached the duration, or a limit stopped the run. */
  readonly done: boolean;
  /** Why the run stopped before its end (a limit), or null. */
  readonly stopped: RunStop | null;
  /** Stops the run now for a host's own limit (the CLI's wall clock); a stopped run stays stopped. */
  stopBy(limit: HostLimit): void;
  layout(): RunLayoutInfo;
  /**
   * Runs events up to min(untilMs, duration), at most `maxEvents` of them (a slice), unless a limit
   * stops the run first.
   */
  advance(untilMs: number, maxEvents?: number): AdvanceResult;
  /** Executes one event. */
  step(): AdvanceResult;
  /**
   * Executes events one by one until some node receives a request (a server span starts), at most
   * `maxEvents` of them, so a person can follow a request hop by hop.
   */
  stepToNextSpan(maxEvents?: number): SpanStepResult;
  /**
   * Advances to the next hop of the run's first traced request (a request reached a node, or a reply
   * came back to its caller), at most `maxEvents` engine events; meant for walkthrough runs, where
   * that request is the only one.
   */
  walkthroughStep(maxEvents?: number): WalkthroughStepResult;
  /** Runs to the end of the duration. */
  runToEnd(): AdvanceResult;
  /** Applies a fault now, whatever its atSec. */
  inject(fault: Fault): void;
  /**
   * A compact live frame. Its log holds the oldest entries the previous snapshots did not carry, at
   * most 200 (a burst arrives over the next frames, in order); with `allLog`, every one of them
   * the log still holds (for the last frame of a run, after which no frame would bring the rest).
   */
  snapshot(allLog?: boolean): RunFrame;
  summary(): RunSummary;
  invariants(): InvariantReport;
  traces(): Trace[];
  /** Event-log entries after `afterSeq`, at most `limit`. */
  log(afterSeq?: number, limit?: number): EventLogEntry[];
  /** The per-second series of a node or edge, or null for an unknown id. */
  series(id: string): SeriesData | null;
  /** A copy of the counters of a node or edge now, or null for an unknown id. */
  meter(id: string): MeterReading | null;
  /** Entries of the run's distributed log (every log store), newest first, for the log panel. */
  queryLogs(query: LogQuery): StoredLogEntry[];
}

class RunImpl implements Run {
  private lastSnapshotSeq = 0;
  private cursor: WalkthroughCursor | null = null;
  stopped: RunStop | null;

  constructor(
    private readonly world: World,
    private readonly nodes: readonly SummarizedNode[],
    private readonly extraChecks: readonly InvariantCheck[],
    private readonly guard: RunGuard,
    stoppedAtStart: RunStop | null,
  ) {
    this.stopped = stoppedAtStart;
  }

  get seed(): number {
    return this.world.options.seed;
  }

  get durationMs(): number {
    return this.world.options.durationMs;
  }

  get nowMs(): number {
    return this.world.sim.now;
  }

  get events(): number {
    return this.world.sim.eventsProcessed;
  }

  get done(): boolean {
    if (this.stopped) return true;
    const sim = this.world.sim;
    return sim.now >= this.durationMs && sim.peek() > this.durationMs;
  }

  stopBy(limit: HostLimit): void {
    this.stopped ??= this.guard.hostStop(limit);
  }

  layout(): RunLayoutInfo {
    return {
      nodeIds: this.world.nodes.map((n) => n.id),
      edgeIds: this.world.links.map((l) => l.id),
      durationMs: this.durationMs,
      seed: this.seed,
    };
  }

  advance(untilMs: number, maxEvents = Number.POSITIVE_INFINITY): AdvanceResult {
    const sim = this.world.sim;
    const target = Math.min(untilMs, this.durationMs);
    let events = 0;
    // In chunks the guard allows: it looks at the run between two of them, never per event.
    while (!this.stopped && target >= sim.now && events < maxEvents) {
      const chunk = Math.min(maxEvents - events, this.guard.budget());
      if (chunk === 0) {
        // The event limit: a run whose next event is not due yet has not passed it.
        if (sim.peek() > target) sim.runUntil(target);
        else this.stopped = this.guard.eventLimitStop();
        break;
      }
      const ran = sim.runUntil(target, chunk);
      events += ran;
      this.stopped = this.guard.after(ran);
      if (ran < chunk) break;
    }
    return { events, nowMs: sim.now, done: this.done };
  }

  step(): AdvanceResult {
    return this.advance(this.durationMs, 1);
  }

  runToEnd(): AdvanceResult {
    return this.advance(this.durationMs);
  }

  stepToNextSpan(maxEvents = SPAN_STEP_MAX_EVENTS): SpanStepResult {
    const nodes = this.world.nodes;
    const before = nodes.map((n) => n.stats.arrived);
    let events = 0;
    while (events < maxEvents && !this.done) {
      const stepped = this.step().events;
      if (stepped === 0) break;
      events += stepped;
      for (let i = 0; i < nodes.length; i++) {
        if (nodes[i]!.stats.arrived !== before[i]) {
          return { events, nowMs: this.nowMs, done: this.done, nodeId: nodes[i]!.id };
        }
      }
    }
    return { events, nowMs: this.nowMs, done: this.done, nodeId: null };
  }

  walkthroughStep(maxEvents = SPAN_STEP_MAX_EVENTS): WalkthroughStepResult {
    const walkthrough = this.world.options.walkthrough;
    this.cursor ??= new WalkthroughCursor(
      this.world,
      () => this.step().events,
      () => this.done,
      walkthrough ? walkthrough.clientId !== '' : true,
    );
    return this.cursor.next(maxEvents);
  }

  inject(fault: Fault): void {
    applyFault(this.world, fault);
  }

  snapshot(allLog = false): RunFrame {
    const limit = allLog ? this.world.log.capacity : MAX_LOG_PER_FRAME;
    const frame = buildFrame(this.world, this.events, this.lastSnapshotSeq, limit);
    const last = frame.log.at(-1);
    if (last !== undefined) this.lastSnapshotSeq = last.seq;
    return frame;
  }

  summary(): RunSummary {
    return buildSummary(this.world, this.nodes, this.events, this.invariants(), this.stopped);
  }

  invariants(): InvariantReport {
    return checkInvariants(this.world, this.extraChecks);
  }

  traces(): Trace[] {
    return this.world.traces.list();
  }

  log(afterSeq = 0, limit?: number): EventLogEntry[] {
    return this.world.log.since(afterSeq, limit);
  }

  queryLogs(query: LogQuery): StoredLogEntry[] {
    return queryRunLogs(this.world, query);
  }

  meter(id: string): MeterReading | null {
    const node = this.world.runtimes.get(id);
    if (node) {
      const s = node.stats;
      return { responses: s.measured, failures: s.measuredFailed, latency: s.latency.copy() };
    }
    const link = this.world.links.find((l) => l.id === id);
    if (!link) return null;
    const s = link.stats;
    return { responses: s.calls - s.inFlight, failures: s.failed, latency: s.latency.copy() };
  }

  series(id: string): SeriesData | null {
    const node = this.world.runtimes.get(id);
    if (node) return node.stats.series.toData();
    const link = this.world.links.find((l) => l.id === id);
    return link ? link.stats.series.toData() : null;
  }
}

/**
 * Builds a run of a validated document: one runtime per node from its kind's runtime part, one
 * link per edge with its call policy, the scenario's faults and workload changes on the timeline,
 * and a metrics tick per simulated second. Each node and edge draws from its own RNG stream
 * (seeded by run seed + id), so adding a node does not shift the draws of the others.
 */
export function createRun(document: ArchDocument, options: RunOptions = {}): Run {
  const scenario = document.scenario;
  const durationSec = options.durationSec ?? scenario.durationSec;
  // A walkthrough without a client to follow still runs (nothing sends): it is over at once.
  const walkthrough = options.walkthrough
    ? (resolveWalkthrough(document, options.walkthrough) ?? { clientId: '', mixIndex: 0 })
    : null;
  const limits = resolveLimits(options.limits);
  const fixed = fixedEstimate(document);
  const world = new World(document, {
    seed: (options.seed ?? scenario.seed) >>> 0,
    durationMs: durationSec * 1000,
    warmupMs: Math.min(scenario.warmupSec, durationSec) * 1000,
    traceSampleEvery: walkthrough ? 1 : (options.traceSampleEvery ?? 100),
    callPolicyFactory: options.callPolicyFactory ?? resilientCallPolicyFactory,
    walkthrough,
  });
  const invariantChecks = [eventInvariantCheck, ...(options.invariantChecks ?? [])];
  // What the model builds up front is known from the document: one too large is never built.
  if (toMib(fixed.bytes) > limits.maxMemoryMb) {
    const guard = new RunGuard(world, limits, fixed.bytes);
    return new RunImpl(world, [], invariantChecks, guard, guard.fixedStop(fixed));
  }
  const runtimes: KindRuntimes = { ...kindRuntimes, ...options.kindRuntimes };
  const nodes = document.nodes.map((node) => buildNode(world, runtimes, node));
  for (const edge of document.edges) {
    const source = world.runtimes.get(edge.source);
    const target = world.runtimes.get(edge.target);
    if (!source || !target) {
      world.log.append(0, 'config', 'warn', null, `edge ${edge.id} has a missing end and is ignored`);
      continue;
    }
    const policy = world.options.callPolicyFactory(edge, {
      rng: world.rng(`policy:${edge.id}`),
      nowMs: () => world.sim.now,
      log: (type, severity, message) => world.log.append(world.sim.now, type, severity, edge.source, message),
    });
    world.addLink(new EdgeLink(world, edge, source, target, policy, world.rng(`edge:${edge.id}`)));
  }
  for (const node of world.nodes) node.init();
  for (const node of world.nodes) node.start();
  scheduleFaults(world);
  scheduleTicks(world);
  // The event-driven and domain invariants hold for every run (they skip what the document lacks).
  return new RunImpl(world, nodes, invariantChecks, new RunGuard(world, limits, fixed.bytes), null);
}
