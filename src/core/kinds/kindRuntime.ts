import type { NodeOfKind } from '../model/schema';
import type { NodeRuntime } from '../sim/types';
import type { World } from '../sim/world';
import type { NodeKind } from './nodeKinds';

/** A node's runtime whose summary() is its kind's section `S` of the node's entry in the run summary. */
interface SummarizedRuntime<S> extends NodeRuntime {
  summary(): S;
}

/**
 * A kind's part of a run (src/core/kinds/<kind>/runtime.ts): how one node of the kind comes to life.
 * `S` is the kind's summary section, the fields its nodes add to their entry in the run summary.
 */
export interface KindRuntime<K extends NodeKind, S> {
  /** Builds the runtime of one node; its links exist only after every node is built (see init()). */
  create(world: World, node: NodeOfKind<K>): SummarizedRuntime<S>;
}
