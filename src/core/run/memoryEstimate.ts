import type { ArchDocument } from '../model/schema';

/**
 * The run's memory, estimated from counts the run keeps anyway. Core cannot read the heap (it runs
 * in a browser worker too, and a heap reading would make a stop depend on the garbage collector,
 * not on the document and the seed), so the budget is checked against bytes per item, measured in
 * Node 20 with `bench/limits/memoryCoefficients.ts` and rounded up (the node and edge figures are
 * upper bounds):
 *
 * - what a run builds up front: per node (counters, two latency sketches, a 600-point series) and per
 *   edge (the same for calls), per service or gateway instance, per breaker window slot, per topic
 *   partition; computed from the document before anything is built, so an oversized model is
 *   refused without allocating it;
 * - what grows: per request held by a node (the call, its attempt, the server's execution and queue
 *   entry), per event waiting in the engine's queue, and what the stores keep (each store runtime
 *   reports its own bytes: log entries, events, bus messages, read-model documents).
 */

/**
 * Per node: stats, two latency sketches and the per-second series ring. An upper bound: the bench
 * measures 4.8 KB for a service without traffic 10 s in; sketches and series grow with what they see.
 */
const NODE_BYTES = 70_000;
/** Per edge: stats, two latency sketches, the series ring and its call policy (bench: 5.9 KB idle). */
const EDGE_BYTES = 56_000;
/** Per service, gateway or proxy instance: its slots, queue, health and own numbers (measured 643 bytes). */
const INSTANCE_BYTES = 768;
/** Per topic partition: its log, offsets and group cursors. */
const PARTITION_BYTES = 512;
/**
 * Per request a node holds (in service, queued, or waiting on a call): measured 208 bytes while the
 * caller still waits (416 for the request, counted at both ends), 390 once the caller has timed out.
 */
export const HELD_REQUEST_BYTES = 256;
/** Per event waiting in the engine's queue (measured 53 bytes). */
export const PENDING_EVENT_BYTES = 64;

const MIB = 1024 * 1024;

/** Bytes in MiB, for messages. */
export function toMib(bytes: number): number {
  return bytes / MIB;
}

/** What a document makes a run build up front, and which node or edge takes the most of it. */
export interface FixedEstimate {
  bytes: number;
  /** The node or edge whose own structures are the largest. */
  largestId: string | null;
  largestBytes: number;
}

function breakerBytes(config: ArchDocument['edges'][number]['config']): number {
  const b = config.breaker;
  if (!b?.enabled) return 0;
  // A count window keeps one byte a call; a time window three 32-bit counters a second.
  const window = b.slidingWindowType === 'count' ? b.slidingWindowSize : 12 * b.slidingWindowSize;
  return window + b.permittedNumberOfCallsInHalfOpenState;
}

function nodeExtraBytes(node: ArchDocument['nodes'][number]): number {
  switch (node.kind) {
    case 'service':
    case 'gateway':
      return node.config.instances * INSTANCE_BYTES;
    case 'proxy':
      return INSTANCE_BYTES;
    case 'eventBus':
      return node.config.topics.reduce((sum, t) => sum + t.partitions * PARTITION_BYTES, 0);
    default:
      return 0;
  }
}

/** The up-front part of a run of `document`, from the document alone. */
export function fixedEstimate(document: ArchDocument): FixedEstimate {
  let bytes = 0;
  let largestId: string | null = null;
  let largestBytes = 0;
  const add = (id: string, own: number) => {
    bytes += own;
    if (own > largestBytes) {
      largestBytes = own;
      largestId = id;
    }
  };
  for (const node of document.nodes) add(node.id, NODE_BYTES + nodeExtraBytes(node));
  for (const edge of document.edges) add(edge.id, EDGE_BYTES + breakerBytes(edge.config));
  return { bytes, largestId, largestBytes };
}
