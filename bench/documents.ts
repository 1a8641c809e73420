import { type ArchDocument, type Distribution, type DocumentInput, documentSchema } from '../src/core';

type NodeInput = DocumentInput['nodes'][number];
type EdgeInput = DocumentInput['edges'][number];

/** Builds a client -> s1 -> ... -> sN chain; every link is a sync call with 0-1 ms one-way latency. */
interface ChainOptions {
  name: string;
  hops: number;
  ratePerSec: number;
  durationSec: number;
  seed: number;
  /** Work step of hop i (1-based). */
  workMs: (hop: number) => Distribution;
  /** Every link with a circuit breaker and two retries (Resilience4j and Envoy defaults otherwise). */
  resilient?: boolean;
}

function chainDocument(options: ChainOptions): ArchDocument {
  const nodes: NodeInput[] = [
    {
      id: 'client',
      kind: 'client',
      label: 'Client',
      position: { x: 0, y: 0 },
      config: {
        workload: { kind: 'open', arrival: 'poisson', ratePerSec: options.ratePerSec },
        requestMix: [{ method: 'GET', path: '/' }],
      },
    },
  ];
  const edges: EdgeInput[] = [];
  for (let hop = 1; hop <= options.hops; hop++) {
    const id = `s${hop}`;
    const next = hop < options.hops ? `s${hop + 1}` : undefined;
    nodes.push({
      id,
      kind: 'service',
      label: `Service ${hop}`,
      position: { x: 200 * hop, y: 0 },
      config: {
        instances: 2,
        // Sync calls hold the caller's slot until the whole downstream chain answers.
        concurrency: 256,
        queueCapacity: 1000,
        serviceTimeMs: options.workMs(hop),
        endpoints: [
          {
            method: 'GET',
            path: '/',
            steps: [
              { kind: 'work', durationMs: options.workMs(hop) },
              ...(next ? [{ kind: 'call' as const, target: next, method: 'GET' as const, path: '/' }] : []),
            ],
          },
        ],
      },
    });
    edges.push({
      id: `e${hop}`,
      source: hop === 1 ? 'client' : `s${hop - 1}`,
      target: id,
      kind: 'sync',
      config: {
        latencyMs: { kind: 'uniform', minMs: 0, maxMs: 1 },
        ...(options.resilient ? { retry: { maxRetries: 2 }, breaker: {} } : {}),
      },
    });
  }
  return documentSchema.parse({
    format: 'archplay',
    version: 2,
    name: options.name,
    nodes,
    edges,
    scenario: { durationSec: options.durationSec, seed: options.seed },
  });
}

/** Hops alternate a constant and an exponential work step, both 1 ms on average. */
const mixedWork = (hop: number): Distribution =>
  hop % 2 === 1 ? { kind: 'constant', ms: 1 } : { kind: 'exponential', meanMs: 1 };

/**
 * The 7-hop request flow of the flow benchmark, with every feature of a request's path on: metrics,
 * trace sampling, a breaker, the balancer and retries on each link, invariants at the end.
 */
export function sevenHopDocument(ratePerSec: number, durationSec: number): ArchDocument {
  return chainDocument({
    name: 'bench 7-hop flow',
    hops: 7,
    ratePerSec,
    durationSec,
    seed: 7,
    workMs: mixedWork,
    resilient: true,
  });
}

/** The small multi-hop flow of the one-hour run: client -> 3 chained services. */
export function longRunDocument(ratePerSec: number, durationSec: number): ArchDocument {
  return chainDocument({
    name: 'bench long run',
    hops: 3,
    ratePerSec,
    durationSec,
    seed: 60,
    workMs: mixedWork,
  });
}
