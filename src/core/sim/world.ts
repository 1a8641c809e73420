import { Sfc32, streamSeed } from '../engine/rng';
import { Simulation } from '../engine/simulation';
import { EventLog } from '../metrics/eventLog';
import { TraceStore } from '../metrics/traces';
import type { ArchDocument, Fault } from '../model/schema';
import type { CallPolicyFactory } from './callPolicy';
import type { EdgeLink } from './edgeLink';
import { PublishLedger } from './publishLedger';
import type { NodeRuntime } from './types';

/** Delay before callers stop routing to a killed instance, standing in for failing health checks. */
export const HEALTH_CHECK_DELAY_MS = 5000;

/** Run-wide options a world is built with. */
export interface WorldOptions {
  seed: number;
  durationMs: number;
  warmupMs: number;
  traceSampleEvery: number;
  callPolicyFactory: CallPolicyFactory;
  /** Walkthrough mode: only this client sends, one request of this request-mix entry at time zero. */
  walkthrough?: { clientId: string; mixIndex: number } | null;
}

/**
 * Everything the node runtimes and the call pipeline share: the engine, the nodes and links, the
 * partitions in force, the event log and the traces. One world per run.
 */
export class World {
  readonly sim = new Simulation();
  readonly log = new EventLog(5000);
  readonly traces: TraceStore;
  readonly runtimes = new Map<string, NodeRuntime>();
  readonly nodes: NodeRuntime[] = [];
  readonly links: EdgeLink[] = [];
  /** Config changes seen on the timeline, in order (the config server or control plane named delivers each). */
  readonly configChanges: Extract<Fault, { kind: 'configChange' }>[] = [];
  /** Events appended with the intent to publish them, and how often each was published. */
  readonly publishLedger = new PublishLedger();
  private readonly linkByPair = new Map<string, EdgeLink>();
  private readonly partitions = new Map<string, number>();
  private readonly skewMs = new Map<string, number>();
  /** Partitions in force; the hot path skips the lookup when 0. */
  partitionCount = 0;

  constructor(
    readonly document: ArchDocument,
    readonly options: WorldOptions,
  ) {
    this.traces = new TraceStore(options.traceSampleEvery, 200);
  }

  get warmupMs(): number {
    return this.options.warmupMs;
  }

  /** A fresh RNG stream named after a node or edge, independent of every other stream. */
  rng(name: string): Sfc32 {
    return new Sfc32(streamSeed(this.options.seed, name));
  }

  addNode(runtime: NodeRuntime): void {
    this.runtimes.set(runtime.id, runtime);
    this.nodes.push(runtime);
  }

  addLink(link: EdgeLink): void {
    this.links.push(link);
    const key = pairKey(link.source.id, link.target.id);
    // With parallel edges the first declared one carries the traffic.
    if (!this.linkByPair.has(key)) this.linkByPair.set(key, link);
  }

  /** The edge from `sourceId` to `targetId`, if one exists. */
  link(sourceId: string, targetId: string): EdgeLink | undefined {
    return this.linkByPair.get(pairKey(sourceId, targetId));
  }

  /** Edges leaving `sourceId`, in document order. */
  linksFrom(sourceId: string): EdgeLink[] {
    return this.links.filter((l) => l.source.id === sourceId);
  }

  /** A node's clock: the simulated time shifted by the clock skew in force on it (logs, events). */
  clockMs(nodeId: string): number {
    const skew = this.skewMs.size > 0 ? (this.skewMs.get(nodeId) ?? 0) : 0;
    return this.sim.now + skew;
  }

  /** Moves a node's clock by `deltaMs` (a clockSkew fault starts or ends); overlapping skews add. */
  shiftClock(nodeId: string, deltaMs: number): void {
    const next = (this.skewMs.get(nodeId) ?? 0) + deltaMs;
    if (Math.abs(next) < 1e-9) this.skewMs.delete(nodeId);
    else this.skewMs.set(nodeId, next);
  }

  /** Whether a partition separates `a` and `b` now (either direction). */
  isPartitioned(a: string, b: string): boolean {
    return this.partitionCount > 0 && (this.partitions.get(unorderedKey(a, b)) ?? 0) > 0;
  }

  /** Starts (+1) or heals (-1) one partition between `a` and `b`; overlapping ones stack. */
  changePartition(a: string, b: string, delta: number): void {
    const key = unorderedKey(a, b);
    const next = Math.max(0, (this.partitions.get(key) ?? 0) + delta);
    this.partitions.set(key, next);
    let count = 0;
    for (const v of this.partitions.values()) if (v > 0) count++;
    this.partitionCount = count;
  }
}

function pairKey(a: string, b: string): string {
  return `${a}\u0000${b}`;
}

function unorderedKey(a: string, b: string): string {
  return a < b ? pairKey(a, b) : pairKey(b, a);
}
