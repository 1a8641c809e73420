import type { IdMaker } from './ids';

/** An entry a generated client calls: the node and the request paths it sends there. */
export interface Entry {
  id: string;
  paths: string[];
}

/**
 * A client for an imported design that names no traffic source, so it runs: an open Poisson
 * workload of `ratePerSec` spread evenly over the entries' paths, with an edge to each entry.
 */
export function assumedClient(
  entries: readonly Entry[],
  ids: IdMaker,
  ratePerSec: number,
): { node: Record<string, unknown>; edges: Record<string, unknown>[] } | null {
  if (entries.length === 0) return null;
  const id = ids.make('traffic');
  const requestMix = entries.flatMap((e) => e.paths.map((path) => ({ weight: 1, method: 'GET', path })));
  const node = {
    id,
    kind: 'client',
    label: 'Assumed traffic',
    position: { x: 0, y: 0 },
    config: { workload: { kind: 'open', ratePerSec }, requestMix },
  };
  const edges = entries.map((e) => ({
    id: ids.make(`${id}-${e.id}`),
    source: id,
    target: e.id,
    kind: 'sync',
  }));
  return { node, edges };
}
