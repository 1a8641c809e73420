import { useRef, useSyncExternalStore } from 'react';
import { createStore } from 'zustand/vanilla';
import {
  BREAKER_NONE,
  EDGE_COL,
  EDGE_STRIDE,
  type Frame,
  NODE_COL,
  NODE_STRIDE,
  type RunLayout,
  type RunStatus,
} from '../worker/protocol';
import { type LiveState, liveStore } from './liveStore';

// One index per layout, shared by every badge: built once when a run starts, never per tick.
let indexedLayout: RunLayout | null = null;
const nodeIndex = new Map<string, number>();
const edgeIndex = new Map<string, number>();

function ensureIndex(layout: RunLayout): void {
  if (layout === indexedLayout) return;
  nodeIndex.clear();
  edgeIndex.clear();
  for (let i = 0; i < layout.nodeIds.length; i++) nodeIndex.set(layout.nodeIds[i]!, i);
  for (let i = 0; i < layout.edgeIds.length; i++) edgeIndex.set(layout.edgeIds[i]!, i);
  indexedLayout = layout;
}

/** Offset of a node's stride in `frame.nodeStats`, or -1 when the run does not know the node. */
export function nodeOffset(layout: RunLayout | null, id: string): number {
  if (!layout) return -1;
  ensureIndex(layout);
  const i = nodeIndex.get(id);
  return i === undefined ? -1 : i * NODE_STRIDE;
}

/** Offset of an edge's stride in `frame.edgeStats`, or -1. */
export function edgeOffset(layout: RunLayout | null, id: string): number {
  if (!layout) return -1;
  ensureIndex(layout);
  const i = edgeIndex.get(id);
  return i === undefined ? -1 : i * EDGE_STRIDE;
}

/**
 * Subscribes to the live store through a selector whose result is kept while `isEqual` says it
 * did not change, so a component re-renders only when its own numbers move.
 */
export function useLiveSelector<T>(selector: (s: LiveState) => T, isEqual: (a: T, b: T) => boolean): T {
  const cache = useRef<{ value: T } | null>(null);
  const getSnapshot = (): T => {
    const next = selector(liveStore.getState());
    const prev = cache.current;
    if (prev && isEqual(prev.value, next)) return prev.value;
    cache.current = { value: next };
    return next;
  };
  return useSyncExternalStore(liveStore.subscribe, getSnapshot, getSnapshot);
}

/** The live numbers a node card shows. */
export interface NodeLive {
  throughputPerSec: number;
  p99Ms: number;
  errorRate: number;
  queueDepth: number;
  healthyInstances: number;
  instances: number;
  inFlight: number;
}

/** The live numbers of an edge. */
export interface EdgeLive {
  callsPerSec: number;
  errorRate: number;
  /** breakerNumber(state), or BREAKER_NONE when the edge has no breaker. */
  breakerState: number;
  failed: number;
  /** A bus delivery edge's publish-to-handled p99 over the last second (0 elsewhere). */
  endToEndP99Ms: number;
}

/** Reads a node's numbers from a frame (null when there is no frame or the node is unknown). */
export function readNode(frame: Frame | null, layout: RunLayout | null, id: string): NodeLive | null {
  const o = frame ? nodeOffset(layout, id) : -1;
  if (!frame || o < 0) return null;
  const s = frame.nodeStats;
  return {
    throughputPerSec: s[o + NODE_COL.throughputPerSec]!,
    p99Ms: s[o + NODE_COL.p99Ms]!,
    errorRate: s[o + NODE_COL.errorRate]!,
    queueDepth: s[o + NODE_COL.queueDepth]!,
    healthyInstances: s[o + NODE_COL.healthyInstances]!,
    instances: s[o + NODE_COL.instances]!,
    inFlight: s[o + NODE_COL.inFlight]!,
  };
}

/** Reads an edge's numbers from a frame. */
export function readEdge(frame: Frame | null, layout: RunLayout | null, id: string): EdgeLive | null {
  const o = frame ? edgeOffset(layout, id) : -1;
  if (!frame || o < 0) return null;
  const s = frame.edgeStats;
  return {
    callsPerSec: s[o + EDGE_COL.callsPerSec]!,
    errorRate: s[o + EDGE_COL.errorRate]!,
    breakerState: s[o + EDGE_COL.breakerState] ?? BREAKER_NONE,
    failed: s[o + EDGE_COL.failed]!,
    endToEndP99Ms: s[o + EDGE_COL.endToEndP99Ms] ?? 0,
  };
}

/**
 * The layout of the run whose frames are on screen: null before a run's first frame and after a
 * reset. It changes once per run, never per tick, so the many badges that only need to know
 * whether they are live do not each evaluate a selector on every frame.
 */
const shownLayoutStore = createStore<{ layout: RunLayout | null }>()(() => ({ layout: null }));
liveStore.subscribe((s) => {
  const layout = s.frame ? s.layout : null;
  if (layout !== shownLayoutStore.getState().layout) shownLayoutStore.setState({ layout });
});

/**
 * Calls `listener` with the layout of the run on screen now and each time it changes, outside
 * React (for overlays that switch between idle and live without a render). Returns the unsubscribe.
 */
export function watchShownLayout(listener: (layout: RunLayout | null) => void): () => void {
  listener(shownLayoutStore.getState().layout);
  return shownLayoutStore.subscribe((s, prev) => {
    if (s.layout !== prev.layout) listener(s.layout);
  });
}

const same = <T>(a: T, b: T): boolean => a === b;

/** The run's status as the latest frame says (idle before the first frame of a run). */
export function useRunStatus(): RunStatus {
  return useLiveSelector((s) => s.frame?.status ?? 'idle', same);
}

/** The latest frame's warning (e.g. a flooding model). */
export function useFrameWarning(): string | null {
  return useLiveSelector((s) => s.frame?.warning ?? null, same);
}
