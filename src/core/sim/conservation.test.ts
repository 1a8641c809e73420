import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fault } from '../model/schema';
import { createRun } from '../run/createRun';
import { buildDocument, constant, exponential } from '../run/run.testkit';

const DURATION_SEC = 6;

const serviceArb = fc.record({
  instances: fc.integer({ min: 1, max: 3 }),
  concurrency: fc.integer({ min: 1, max: 4 }),
  queueCapacity: fc.integer({ min: 0, max: 6 }),
  meanMs: fc.integer({ min: 5, max: 80 }),
  errorRate: fc.constantFrom(0, 0, 0.1, 0.5),
});

const edgeArb = fc.record({
  latencyMs: fc.integer({ min: 0, max: 5 }),
  timeoutMs: fc.constantFrom(0, 20, 100, 1000),
  maxRetries: fc.integer({ min: 0, max: 2 }),
  fallback: fc.boolean(),
});

/** A random topology: one client, services 0..n-1 where service i may call any service j > i. */
const docArb = fc
  .record({
    ratePerSec: fc.integer({ min: 20, max: 400 }),
    closed: fc.boolean(),
    services: fc.array(serviceArb, { minLength: 1, maxLength: 4 }),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .chain((base) =>
    fc.record({
      base: fc.constant(base),
      calls: fc.array(fc.tuple(fc.nat(), fc.nat(), edgeArb), { maxLength: 6 }),
      clientEdge: edgeArb,
      faults: fc.array(
        fc.record({
          kind: fc.constantFrom(
            'killInstance',
            'restartInstance',
            'addLatency',
            'errorRate',
            'partition',
            'linkFaults',
            'grayFailure',
            'clockSkew',
          ),
          atMs: fc.integer({ min: 0, max: DURATION_SEC * 1000 }),
          node: fc.nat(),
          other: fc.nat(),
          instance: fc.integer({ min: 0, max: 2 }),
          durationMs: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
    }),
  );

type Sample = typeof docArb extends fc.Arbitrary<infer T> ? T : never;

function toDocument(sample: Sample) {
  const { base } = sample;
  const n = base.services.length;
  const ids = base.services.map((_, i) => `s${i}`);
  const callPairs = new Map<string, (typeof sample.calls)[number][2]>();
  for (const [a, b, e] of sample.calls) {
    const from = a % n;
    const to = b % n;
    if (from < to) callPairs.set(`${from}-${to}`, e);
  }
  const edgeConfig = (e: typeof sample.clientEdge) => ({
    latencyMs: constant(e.latencyMs),
    timeoutMs: e.timeoutMs,
    retry: { maxRetries: e.maxRetries },
    fallback: e.fallback ? { kind: 'static', status: 200 } : { kind: 'fail' },
  });
  const nodes = [
    {
      id: 'client',
      kind: 'client',
      config: {
        workload: base.closed
          ? { kind: 'closed', users: Math.ceil(base.ratePerSec / 20), thinkTimeMs: exponential(50) }
          : { kind: 'open', arrival: 'poisson', ratePerSec: base.ratePerSec },
      },
    },
    ...base.services.map((s, i) => {
      const calls = [...callPairs.keys()]
        .filter((k) => k.startsWith(`${i}-`))
        .map((k) => Number(k.split('-')[1]));
      return {
        id: ids[i]!,
        kind: 'service',
        config: {
          instances: s.instances,
          concurrency: s.concurrency,
          queueCapacity: s.queueCapacity,
          serviceTimeMs: exponential(s.meanMs),
          errorRate: s.errorRate,
          endpoints: [
            {
              path: '/',
              steps: [{ kind: 'work' }, ...calls.map((j) => ({ kind: 'call', target: ids[j]!, path: '/' }))],
            },
          ],
        },
      };
    }),
  ];
  const edges = [
    { source: 'client', target: 's0', config: edgeConfig(sample.clientEdge) },
    ...[...callPairs].map(([k, e]) => {
      const [a, b] = k.split('-').map(Number);
      return { source: ids[a!]!, target: ids[b!]!, config: edgeConfig(e) };
    }),
  ];
  const edgeIds = [
    'client-s0',
    ...[...callPairs.keys()].map((k) =>
      k
        .split('-')
        .map((i) => ids[Number(i)]!)
        .join('-'),
    ),
  ];
  const faults: Fault[] = sample.faults.map((f) => {
    const nodeId = ids[f.node % n]!;
    const atSec = f.atMs / 1000;
    const durationSec = f.durationMs === undefined ? undefined : f.durationMs / 1000;
    switch (f.kind) {
      case 'killInstance':
      case 'restartInstance':
        return { kind: f.kind, atSec, nodeId, instance: f.instance };
      case 'addLatency':
        return { kind: 'addLatency', atSec, nodeId, latencyMs: 50, durationSec };
      case 'errorRate':
        return { kind: 'errorRate', atSec, nodeId, errorRate: 0.7, durationSec };
      case 'linkFaults': {
        const edgeId = edgeIds[f.other % edgeIds.length]!;
        const rates = { lossRate: 0.2, duplicateRate: 0.2, reorderRate: 0.2 };
        return { kind: 'linkFaults', atSec, edgeId, ...rates, durationSec };
      }
      case 'grayFailure':
        return { kind: 'grayFailure', atSec, nodeId, instance: 0, share: 0.5, factor: 8, durationSec };
      case 'clockSkew':
        return { kind: 'clockSkew', atSec, nodeId, skewMs: 3000, durationSec };
      default:
        return {
          kind: 'partition',
          atSec,
          a: nodeId,
          b: f.other % 2 ? 'client' : ids[f.other % n]!,
          durationSec,
        };
    }
  });
  return buildDocument({ nodes, edges, scenario: { durationSec: DURATION_SEC, seed: base.seed, faults } });
}

describe('conservation', () => {
  it('requests in = completed + failed + in flight, and failures by cause sum to the failures, under random faults', () => {
    fc.assert(
      fc.property(docArb, (sample) => {
        const run = createRun(toDocument(sample), { traceSampleEvery: 7 });
        for (const atMs of [1234.5, 3000, 4999]) {
          run.advance(atMs);
          expect(run.invariants().violations).toEqual([]);
        }
        run.runToEnd();
        const s = run.summary();
        expect(s.invariants.violations).toEqual([]);
        expect(s.requests.total).toBe(s.requests.ok + s.requests.failed + s.requests.inFlight);
        expect(s.requests.total).toBe(s.nodes.client!.arrived);
        const byCause = Object.values(s.failures.byCause).reduce((x, y) => x + y, 0);
        expect(byCause).toBe(s.requests.failed);
      }),
      { numRuns: 80, seed: 20240501 },
    );
  });
});
