import type { NodeRuntime } from '../sim/types';
import type { World } from '../sim/world';
import type { HostLimit, RunLimitName, RunLimits, RunStop } from './limits';
import { type FixedEstimate, HELD_REQUEST_BYTES, PENDING_EVENT_BYTES, toMib } from './memoryEstimate';

/** Events between two looks at the run, at least: a look at the clock alone costs next to nothing. */
const MIN_CHECK_EVENTS = 4096;
/**
 * A look at the load walks every node, edge and instance; it comes at most once per this many
 * events per item walked, so it costs under a quarter of an array read per event.
 */
const EVENTS_PER_ITEM_WALKED = 4;

/** What one node holds now: its requests, or its queue (a bus's unconsumed messages) when larger. */
function heldBy(node: NodeRuntime): number {
  return Math.max(node.inFlight(), node.queueDepth());
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');
const mib = (bytes: number): string => `${count(toMib(bytes))} MB`;
const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`;

/**
 * Watches one run for its limits. The run executes events in chunks of at most {@link budget} and
 * reports each chunk to {@link after}, which looks at the run once the budget is spent: the event
 * count, whether the clock moved, and, walking the nodes, what they hold and the memory estimate.
 * Nothing here runs per event, and every look depends only on the document and the seed (event
 * counts, never wall time), so a stopped run stops at the same event everywhere.
 */
export class RunGuard {
  private readonly interval: number;
  private sinceLook = 0;
  private instantMs = Number.NaN;
  private eventsAtInstant = 0;
  /** Requests each node had received when the clock looked stuck, to name the node that loops. */
  private arrivedAtStall: number[] | null = null;

  constructor(
    private readonly world: World,
    private readonly limits: RunLimits,
    private readonly fixedBytes: number,
  ) {
    let items = world.nodes.length + world.links.length;
    for (const node of world.nodes) items += node.instances.count;
    this.interval = Math.max(MIN_CHECK_EVENTS, EVENTS_PER_ITEM_WALKED * items);
  }

  /** Events the run may execute before it must report to {@link after}; 0 once the event limit is reached. */
  budget(): number {
    const untilLook = this.interval - this.sinceLook;
    return Math.max(0, Math.min(untilLook, this.limits.maxEvents - this.world.sim.eventsProcessed));
  }

  /** Accounts for `ran` events; once the budget is spent, looks at the run and returns a stop if a limit is passed. */
  after(ran: number): RunStop | null {
    this.sinceLook += ran;
    if (this.sinceLook < this.interval) return null;
    const events = this.sinceLook;
    this.sinceLook = 0;
    return this.lookAtClock(events) ?? this.lookAtLoad();
  }

  /** The stop for a run that needs one more event than the event limit allows. */
  eventLimitStop(): RunStop {
    const busiest = this.busiest();
    return this.stop('events', this.limits.maxEvents, this.world.sim.eventsProcessed, busiest, () => {
      const where = busiest ? `; the busiest node is ${this.describe(busiest)}` : '';
      return `the run reached its limit of ${count(this.limits.maxEvents)} events${where}`;
    });
  }

  /** The stop of a model whose up-front structures alone pass the memory budget: nothing was built. */
  fixedStop(fixed: FixedEstimate): RunStop {
    const doc = this.world.document;
    const largest = fixed.largestId;
    const nodeIndex = doc.nodes.findIndex((n) => n.id === largest);
    const edgeIndex = doc.edges.findIndex((e) => e.id === largest);
    const which =
      nodeIndex >= 0
        ? `${doc.nodes[nodeIndex]!.label} (nodes[${nodeIndex}], id "${largest}")`
        : `edges[${edgeIndex}] (id "${largest}")`;
    const stop = this.stop('memory', this.limits.maxMemoryMb, Math.ceil(toMib(fixed.bytes)), null, () => {
      const size = `${count(doc.nodes.length)} nodes and ${count(doc.edges.length)} edges`;
      return `the model's ${size} need an estimated ${mib(fixed.bytes)} before the first event, more than the memory budget of ${count(this.limits.maxMemoryMb)} MB; the largest part is ${which} (${mib(fixed.largestBytes)})`;
    });
    return nodeIndex >= 0 ? { ...stop, nodeId: largest } : stop;
  }

  /** The stop a host asks for (the CLI's wall clock). */
  hostStop(host: HostLimit): RunStop {
    const busiest = this.busiest();
    return this.stop(host.limit, host.max, host.observed, busiest, () => {
      const where = busiest ? `; the busiest node is ${this.describe(busiest)}` : '';
      return `the run took ${count(host.observed)} s of wall-clock time, its limit is ${count(host.max)} s${where}`;
    });
  }

  private lookAtClock(ran: number): RunStop | null {
    const now = this.world.sim.now;
    if (now !== this.instantMs) {
      this.instantMs = now;
      this.eventsAtInstant = 0;
      this.arrivedAtStall = null;
      return null;
    }
    this.eventsAtInstant += ran;
    const max = this.limits.maxEventsAtOneInstant;
    if (this.arrivedAtStall === null && this.eventsAtInstant * 2 >= max)
      this.arrivedAtStall = this.world.nodes.map((n) => n.stats.arrived);
    if (this.eventsAtInstant < max) return null;
    const before = this.arrivedAtStall;
    const looping = this.fullest((n, i) => n.stats.arrived - (before?.[i] ?? 0));
    return this.stop('clock', max, this.eventsAtInstant, looping, () => {
      const where = looping ? `; ${this.describe(looping)} received the most requests meanwhile` : '';
      return `${count(this.eventsAtInstant)} events ran without the clock advancing (a loop of zero-duration steps: zero think time, service time and latency?)${where}`;
    });
  }

  private lookAtLoad(): RunStop | null {
    const nodes = this.world.nodes;
    let held = 0;
    let retained = 0;
    const heldPerNode = nodes.map((node) => {
      const h = heldBy(node);
      held += h;
      retained += node.retainedBytes?.() ?? 0;
      return h;
    });
    if (held > this.limits.maxInFlight) {
      const fullest = this.fullest((_, i) => heldPerNode[i]!);
      return this.stop('inFlight', this.limits.maxInFlight, held, fullest, () => {
        const where = fullest
          ? `; ${this.describe(fullest)} holds ${count(heldPerNode[nodes.indexOf(fullest)]!)} of them`
          : '';
        return `${count(held)} requests in flight or queued passed the limit of ${count(this.limits.maxInFlight)}${where}`;
      });
    }
    const bytes =
      this.fixedBytes + held * HELD_REQUEST_BYTES + this.world.sim.pending * PENDING_EVENT_BYTES + retained;
    if (toMib(bytes) <= this.limits.maxMemoryMb) return null;
    const own = (n: NodeRuntime, i: number) =>
      heldPerNode[i]! * HELD_REQUEST_BYTES + (n.retainedBytes?.() ?? 0);
    const fullest = this.fullest(own);
    return this.stop('memory', this.limits.maxMemoryMb, Math.ceil(toMib(bytes)), fullest, () => {
      const where = fullest
        ? `; ${this.describe(fullest)} holds the most (${mib(own(fullest, nodes.indexOf(fullest)))})`
        : '';
      return `the run's state, estimated at ${mib(bytes)}, passed the memory budget of ${count(this.limits.maxMemoryMb)} MB${where}`;
    });
  }

  private busiest(): NodeRuntime | null {
    return this.argMax((n) => n.stats.arrived);
  }

  /**
   * The node that filled up (or loops): the one that scores most, a client only when no other node
   * scores at all (a client's requests in flight wait elsewhere, where they are counted too).
   */
  private fullest(score: (node: NodeRuntime, index: number) => number): NodeRuntime | null {
    return this.argMax((n, i) => (n.kind === 'client' ? 0 : score(n, i))) ?? this.argMax(score);
  }

  /** The node with the largest positive score, or null when none scores above 0. */
  private argMax(score: (node: NodeRuntime, index: number) => number): NodeRuntime | null {
    let best: NodeRuntime | null = null;
    let bestScore = 0;
    this.world.nodes.forEach((node, i) => {
      const s = score(node, i);
      if (s > bestScore) {
        best = node;
        bestScore = s;
      }
    });
    return best;
  }

  private describe(node: NodeRuntime): string {
    const index = this.world.document.nodes.findIndex((n) => n.id === node.id);
    const label = this.world.document.nodes[index]?.label ?? node.id;
    return `${label} (nodes[${index}], id "${node.id}")`;
  }

  private stop(
    limit: RunLimitName,
    max: number,
    observed: number,
    node: NodeRuntime | null,
    what: () => string,
  ): RunStop {
    const atMs = this.world.sim.now;
    return {
      limit,
      max,
      observed,
      nodeId: node?.id ?? null,
      atMs,
      message: `Stopped at ${seconds(atMs)} of simulated time: ${what()}.`,
    };
  }
}
