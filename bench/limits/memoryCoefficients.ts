/**
 * Measures the bytes per item behind the run's memory estimate (src/core/run/memoryEstimate.ts):
 * heap after a full collection, with two sizes of the same model, divided by the difference in items.
 *
 *   npx tsx --expose-gc bench/limits/memoryCoefficients.ts
 */
import { type ArchDocument, createRun, type Run, validateDocument } from '../../src/core';
import { forceGc } from '../gc';

function valid(value: unknown): ArchDocument {
  const result = validateDocument(value);
  if (!result.ok) throw new Error(result.errors.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.document;
}

function heapBytes(): number {
  forceGc();
  return process.memoryUsage().heapUsed;
}

/** Bytes per item: the heap held by `build(large)` minus `build(small)`, over the items between them. */
function perItem(build: (n: number) => unknown, small: number, large: number): number {
  const keep: unknown[] = [];
  const before = heapBytes();
  keep.push(build(small));
  const atSmall = heapBytes();
  keep.push(build(large));
  const atLarge = heapBytes();
  keep.length = 0;
  return (atLarge - atSmall - (atSmall - before)) / (large - small);
}

const lonelyNodes = (n: number) =>
  valid({
    format: 'archplay',
    version: 2,
    nodes: Array.from({ length: n }, (_, i) => ({
      id: `s${i}`,
      kind: 'service',
      label: 'n',
      position: { x: 0, y: 0 },
      config: { instances: 1 },
    })),
    edges: [],
  });

const chain = (n: number) =>
  valid({
    format: 'archplay',
    version: 2,
    nodes: Array.from({ length: n + 1 }, (_, i) => ({
      id: `s${i}`,
      kind: 'service',
      label: 'n',
      position: { x: 0, y: 0 },
      config: { instances: 1 },
    })),
    edges: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, source: `s${i}`, target: `s${i + 1}` })),
  });

const wide = (instances: number) =>
  valid({
    format: 'archplay',
    version: 2,
    nodes: [{ id: 's', kind: 'service', label: 'n', position: { x: 0, y: 0 }, config: { instances } }],
    edges: [],
  });

/** A flood into a service that never answers: every request it sends stays held. */
const flood = valid({
  format: 'archplay',
  version: 2,
  nodes: [
    {
      id: 'c',
      kind: 'client',
      label: 'n',
      position: { x: 0, y: 0 },
      config: { workload: { kind: 'open', ratePerSec: 100_000, arrival: 'constant' } },
    },
    {
      id: 's',
      kind: 'service',
      label: 'n',
      position: { x: 0, y: 0 },
      config: {
        instances: 1000,
        concurrency: 1,
        queueCapacity: 100_000,
        serviceTimeMs: { kind: 'constant', ms: 86_400_000 },
      },
    },
  ],
  edges: [{ id: 'c-s', source: 'c', target: 's', config: { timeoutMs: 0 } }],
  scenario: { durationSec: 3600 },
});

const run = (doc: ArchDocument): Run => createRun(doc, { traceSampleEvery: 0 });
/** A run 10 s in, so what a node fills as time passes (its per-second series) is counted. */
const ranTenSeconds = (doc: ArchDocument): Run => {
  const r = run(doc);
  r.advance(10_000);
  return r;
};
const nodeBytes = perItem((n) => ranTenSeconds(lonelyNodes(n)), 50, 250);
const edgeBytes = perItem((n) => ranTenSeconds(chain(n)), 50, 250) - nodeBytes;
const instanceBytes = perItem((n) => ranTenSeconds(wide(n)), 10, 1000);

// From 1 s to 3 s of the flood, 200,000 more requests are held (none is answered or refused).
const flooded = run(flood);
flooded.advance(1000);
const atOneSecond = heapBytes();
flooded.advance(3000);
const perHeldRequest = (heapBytes() - atOneSecond) / 200_000;
if (flooded.stopped) throw new Error(flooded.stopped.message);

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
console.log(`per node (a service with one instance): ${kb(nodeBytes)}`);
console.log(`per edge: ${kb(edgeBytes)}`);
console.log(`per instance: ${Math.round(instanceBytes)} bytes`);
// The estimate counts such a request at both ends (the client's call and the service's queue).
console.log(`per held request, counted at both ends: ${Math.round(perHeldRequest)} bytes`);
