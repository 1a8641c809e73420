/**
 * A generated diagram of `nodeCount` nodes for the browser bench: one client, an API gateway, and
 * services in layers of ten, each service calling the next one in its row, laid out on a grid so
 * React Flow draws every node and edge on screen at once.
 */
export function bigDiagram(nodeCount = 100, ratePerSec = 200): Record<string, unknown> {
  const layerSize = 10;
  const serviceCount = nodeCount - 2;
  const nodes: Record<string, unknown>[] = [
    {
      id: 'client',
      kind: 'client',
      label: 'Client',
      position: { x: 0, y: 600 },
      config: {
        workload: { kind: 'open', arrival: 'poisson', ratePerSec },
        requestMix: Array.from({ length: layerSize }, (_, r) => ({ method: 'GET', path: `/s${r}` })),
      },
    },
    {
      id: 'gateway',
      kind: 'gateway',
      label: 'Gateway',
      position: { x: 280, y: 600 },
      config: {
        routes: Array.from({ length: layerSize }, (_, r) => ({
          pathPrefix: `/s${r}`,
          target: `svc-${r}`,
          rewritePath: '/',
        })),
      },
    },
  ];
  const edges: Record<string, unknown>[] = [
    { id: 'client-gateway', source: 'client', target: 'gateway', kind: 'sync', config: {} },
  ];
  const id = (i: number) => `svc-${i}`;
  for (let i = 0; i < serviceCount; i++) {
    const layer = Math.floor(i / layerSize);
    const row = i % layerSize;
    const next = (layer + 1) * layerSize;
    // One call to the same row in the next layer: every request walks a ten-hop chain.
    const calls = [next + row].filter((t) => t < serviceCount);
    nodes.push({
      id: id(i),
      kind: 'service',
      label: `Service ${i}`,
      position: { x: 560 + layer * 280, y: row * 130 },
      config: {
        instances: 2,
        concurrency: 16,
        serviceTimeMs: { kind: 'exponential', meanMs: 2 },
        errorRate: 0.002,
        endpoints: [
          {
            method: 'GET',
            path: '/',
            steps: [{ kind: 'work' }, ...calls.map((t) => ({ kind: 'call', target: id(t), path: '/' }))],
          },
        ],
      },
    });
    for (const t of calls) {
      edges.push({
        id: `${id(i)}-${id(t)}`,
        source: id(i),
        target: id(t),
        kind: 'sync',
        config: { timeoutMs: 2000, breaker: { minimumNumberOfCalls: 20 } },
      });
    }
  }
  for (let row = 0; row < layerSize && row < serviceCount; row++) {
    edges.push({ id: `gateway-${id(row)}`, source: 'gateway', target: id(row), kind: 'sync', config: {} });
  }
  return {
    format: 'archplay',
    version: 2,
    name: `Generated ${nodeCount}-node diagram`,
    nodes,
    edges,
    scenario: { durationSec: 86_400, seed: 1 },
  };
}
