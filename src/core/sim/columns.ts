/**
 * The name of every number that travels by position: the columns of the per-second series
 * (stats.ts writes them, snapshot.ts reads them) and of the live frames (snapshot.ts writes them,
 * the live store reads them through worker/protocol.ts). Each column map is derived from its field
 * list, so writers and readers address a number by its name and a reordered list moves them together.
 */

/** Each field's column in a list of fields: the one name every writer and reader uses for a number. */
export type Columns<F extends string> = { readonly [K in F]: number };

/**
 * The column of every field of `fields`, derived from the list itself, so reordering the list moves
 * writers and readers together and can never put one number under another's name.
 */
export function columnsOf<const F extends readonly string[]>(fields: F): Columns<F[number]> {
  return Object.freeze(Object.fromEntries(fields.map((field, column) => [field, column]))) as Columns<
    F[number]
  >;
}

/** Fields of a node's per-second series, in column order. */
export const NODE_SERIES_FIELDS = [
  'throughput',
  'errors',
  'p50Ms',
  'p99Ms',
  'queueDepth',
  'inFlight',
  'utilization',
  'p95Ms',
] as const;
/** Fields of an edge's per-second series, in column order. */
export const EDGE_SERIES_FIELDS = [
  'calls',
  'failed',
  'retries',
  'timeouts',
  'p99Ms',
  'endToEndP99Ms',
] as const;
/** Column of each node series field, for SeriesRing's set() and latest(). */
export const NODE_SERIES = columnsOf(NODE_SERIES_FIELDS);
/** Column of each edge series field. */
export const EDGE_SERIES = columnsOf(EDGE_SERIES_FIELDS);

/** Numbers per node in a frame's `nodeStats`, in this order (the last closed second for rates). */
export const NODE_FRAME_FIELDS = [
  'throughputPerSec',
  'p50Ms',
  'p99Ms',
  'errorRate',
  'queueDepth',
  'inFlight',
  'healthyInstances',
  'instances',
  'utilization',
  'completed',
  'failed',
  'p95Ms',
] as const;

/** Numbers per edge in a frame's `edgeStats`, in this order. */
export const EDGE_FRAME_FIELDS = [
  'callsPerSec',
  'errorRate',
  'p99Ms',
  'breakerState',
  'calls',
  'failed',
  'retries',
  /** A bus delivery edge's publish-to-handled p99 over the last second (0 on other edges). */
  'endToEndP99Ms',
] as const;

/** Column of each node field inside a node's stride: `nodeStats[i * NODE_STRIDE + NODE_COL.p99Ms]`. */
export const NODE_COL = columnsOf(NODE_FRAME_FIELDS);
/** Column of each edge field inside an edge's stride. */
export const EDGE_COL = columnsOf(EDGE_FRAME_FIELDS);
/** Numbers per node in `nodeStats`. */
export const NODE_STRIDE = NODE_FRAME_FIELDS.length;
/** Numbers per edge in `edgeStats`. */
export const EDGE_STRIDE = EDGE_FRAME_FIELDS.length;

/**
 * Numbers per entry of a frame's `nodeFailures` and `edgeFailures`: a node's or edge's failures so
 * far for one cause (`index` in the layout, `cause` a code of metrics/failureCause.ts), listed only
 * where the count is not zero, so a frame carries a few numbers per failing node, not a full table.
 */
export const FAILURE_ENTRY_FIELDS = ['index', 'cause', 'count'] as const;

/** Column of each field inside a failure entry: `nodeFailures[k * FAILURE_STRIDE + FAILURE_COL.cause]`. */
export const FAILURE_COL = columnsOf(FAILURE_ENTRY_FIELDS);
/** Numbers per failure entry. */
export const FAILURE_STRIDE = FAILURE_ENTRY_FIELDS.length;
