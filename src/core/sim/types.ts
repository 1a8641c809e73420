import type { FailureCause } from '../metrics/failureCause';
import type { Trace } from '../metrics/traces';
import type { NodeKind, Step } from '../model/schema';
import type { MessageFaults } from './messageFaults';
import type { NodeStats } from './stats';

/** Whoever waits for a node's answer to a request (the caller side of a call). */
export interface Replyable {
  /**
   * Called once by the node when it answers `req`, at the node, before the network trip back, with
   * the failure's cause beside the status (`CAUSE.none` for a success).
   */
  onReply(req: NodeRequest, status: number, cause: FailureCause): void;
  /**
   * Told by a node that may keep a reference to `req` after answering it, so the caller does not
   * reuse the request object for another call; absent when the caller never reuses its requests.
   */
  retain?(req: NodeRequest): void;
}

/**
 * A request as the receiving node sees it: one attempt of a call over an edge. Plain fields, so a
 * node runtime needs nothing from the call pipeline but `replyTo`.
 */
export interface NodeRequest {
  method: string;
  path: string;
  headers: Readonly<Record<string, string>>;
  /** The step behind a publish / append / query / log message; null for plain sync calls. */
  step: Step | null;
  /** Calling node id. */
  sourceId: string;
  /** Instance picked by the caller's load balancer; -1 lets the node choose. */
  instance: number;
  /** Set by the node when the request arrives (after the network trip). */
  arrivedMs: number;
  /** The sampled trace this request belongs to, if any. */
  trace: Trace | null;
  /** Span of the calling attempt, parent of the server span (-1 for none). */
  parentSpanId: number;
  replyTo: Replyable;
}

/** One instance's numbers in the run summary (`nodes[id].instances`). */
export interface InstanceNumbers {
  id: number;
  healthy: boolean;
  completed: number;
  failed: number;
  utilization: number;
}

/** A gray failure: this share of an instance's requests works `factor` times slower. */
export interface Slowdown {
  share: number;
  factor: number;
}

/** What load balancers see of a node's instances. */
export interface InstanceView {
  /** Instances configured (live or not). */
  readonly count: number;
  /** Whether the instance accepts connections right now. */
  isUp(instance: number): boolean;
  /** Whether callers still route to it (health checks lag behind reality). */
  isRoutable(instance: number): boolean;
  /** Requests the instance holds (active + queued), for least-request balancing. */
  load(instance: number): number;
  /**
   * Changes whenever any instance's routability changes, so a balancer can skip re-reading every
   * instance before each pick; absent when the view cannot tell.
   */
  readonly routingVersion?: number;
}

/**
 * A running node. Each kind's runtime part (src/core/kinds/<kind>/runtime.ts) builds it; everything a
 * run does to a node goes through this interface, so new kinds plug in without touching the engine.
 */
export interface NodeRuntime {
  readonly id: string;
  readonly kind: NodeKind;
  readonly stats: NodeStats;
  readonly instances: InstanceView;
  /** Resolves links and compiles endpoints once every node and edge exists. */
  init(): void;
  /** Schedules the node's own first events (client arrivals, timers). */
  start(): void;
  /** Receives a request (sync call or a step message); must answer exactly once via req.replyTo. */
  handle(req: NodeRequest): void;
  /**
   * True when the node keeps no reference to a request once it has answered it, unless it said so
   * through `req.replyTo.retain`: the caller may then reuse the request object. Absent = false.
   */
  readonly releasesRequests?: boolean;
  /** Whether this node has an endpoint or route for the request, used to pick among edges. */
  accepts(method: string, path: string): boolean;
  /** Requests waiting in queues. */
  queueDepth(): number;
  /** Requests held (queued + active), counted from the node's own structures. */
  inFlight(): number;
  /** Instances up. */
  healthyInstances(): number;
  /**
   * Estimated bytes of what the node keeps that grows with the run besides its requests (log
   * entries, events, bus messages, read-model documents), for the run's memory budget; absent = none.
   */
  retainedBytes?(): number;
  /** Per-instance numbers, for the kinds that serve from instances with slots (stations). */
  instanceNumbers?(): InstanceNumbers[];
  /** An event bus's message faults (`busFaults`); absent on other kinds. */
  readonly messageFaults?: MessageFaults;
  /** Starts (or, with `end`, ends) a gray failure on one instance; false when unsupported. */
  slowInstance?(instance: number, slowdown: Slowdown, end?: boolean): boolean;
  /** Multiplies an event store's append latency by `factor` (a slow disk; 1 / factor ends it). */
  slowDisk?(factor: number): boolean;
  /** Fault hooks; return false when the kind does not support the fault. */
  kill(instance: number): boolean;
  restart(instance: number): boolean;
  addLatencyMs(deltaMs: number): boolean;
  setErrorRate(rate: number | null): boolean;
  /**
   * A `configChange` fault naming this node (a config server or a mesh control plane): takes the
   * change of `key` for node `service` and delivers it as the kind does; absent = unsupported.
   */
  changeConfig?(service: string, key: string, value: string | number | boolean): boolean;
  /**
   * A `subscribe` / `unsubscribe` fault: the consumers of node `nodeId` on `topic` (in `group`, or in
   * every group) rejoin or leave their groups on this bus; returns how many consumers it matched.
   */
  setSubscribed?(nodeId: string, topic: string, group: string | undefined, subscribed: boolean): number;
}

/** The summary section of a node kind that adds nothing to its node's summary entry. */
export type NoSection = Record<never, never>;
