import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRun } from '../../run/createRun';
import { buildDocument, constant, entryOf, exponential } from '../../run/run.testkit';

const DURATION_SEC = 8;

const sampleArb = fc.record({
  seed: fc.integer({ min: 0, max: 1000 }),
  ratePerSec: fc.integer({ min: 10, max: 300 }),
  workers: fc.integer({ min: 1, max: 3 }),
  queueCapacity: fc.integer({ min: 0, max: 50 }),
  costMs: fc.integer({ min: 0, max: 20 }),
  sampleRate: fc.constantFrom(1, 0.5),
  processors: fc.integer({ min: 1, max: 3 }),
  dedupe: fc.boolean(),
  windowed: fc.boolean(),
  publishLatencyMs: fc.integer({ min: 0, max: 30 }),
  faults: fc.array(
    fc.record({
      kind: fc.constantFrom(
        'killInstance',
        'restartInstance',
        'errorRate',
        'unsubscribe',
        'subscribe',
        'partition',
      ),
      atMs: fc.integer({ min: 0, max: DURATION_SEC * 1000 }),
      instance: fc.integer({ min: 0, max: 2 }),
      durationMs: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
});

type Sample = typeof sampleArb extends fc.Arbitrary<infer T> ? T : never;

/** A service with an access log that also publishes; a log pipeline with a processor; a stream processor. */
function toDocument(s: Sample) {
  const faults = s.faults.map((f) => {
    const atSec = f.atMs / 1000;
    const durationSec = f.durationMs === undefined ? undefined : f.durationMs / 1000;
    switch (f.kind) {
      case 'killInstance':
      case 'restartInstance':
        return { kind: f.kind, atSec, nodeId: 'stream', instance: f.instance % s.processors };
      case 'errorRate':
        return { kind: 'errorRate', atSec, nodeId: 'api', errorRate: 0.6, durationSec };
      case 'partition':
        return { kind: 'partition', atSec, a: 'router', b: 'logs', durationSec };
      default:
        return { kind: f.kind, atSec, nodeId: 'stream', topic: 'orders' };
    }
  });
  return buildDocument({
    nodes: [
      { id: 'load', kind: 'client', config: { workload: { kind: 'open', ratePerSec: s.ratePerSec } } },
      {
        id: 'api',
        kind: 'service',
        config: {
          instances: 2,
          serviceTimeMs: exponential(5),
          accessLog: { target: 'router', sampleRate: s.sampleRate },
          endpoints: [
            { path: '/', steps: [{ kind: 'work' }, { kind: 'publish', target: 'bus', topic: 'orders' }] },
          ],
        },
      },
      { id: 'router', kind: 'logRouter' },
      {
        id: 'proc',
        kind: 'logProcessor',
        config: {
          workers: s.workers,
          queueCapacity: s.queueCapacity,
          processingMs: constant(s.costMs),
          patterns: [{ pattern: 'status=(?P<status>\\d+)' }],
          filter: 'status >= 500 || level != "info"',
          sampleRate: s.sampleRate,
          alerts: [{ id: 'errors', where: "level == 'error'", threshold: 20, windowSec: 2 }],
        },
      },
      { id: 'logs', kind: 'logStore' },
      {
        id: 'bus',
        kind: 'eventBus',
        config: { topics: [{ name: 'orders' }, { name: 'out' }], redeliveryDelayMs: 200 },
      },
      {
        id: 'stream',
        kind: 'eventProcessor',
        config: {
          source: { bus: 'bus', topic: 'orders', group: 'stream' },
          output: { bus: 'bus', topic: 'out' },
          instances: s.processors,
          dedupe: s.dedupe,
          ...(s.windowed ? { window: { kind: 'sliding', sizeSec: 2, slideSec: 1, aggregate: 'count' } } : {}),
        },
      },
    ],
    edges: [
      { source: 'load', target: 'api' },
      { source: 'api', target: 'router', kind: 'log' },
      { source: 'router', target: 'proc', kind: 'log' },
      { source: 'proc', target: 'logs', kind: 'log' },
      { source: 'api', target: 'bus', kind: 'async' },
      { source: 'bus', target: 'stream', kind: 'async' },
      { source: 'stream', target: 'bus', kind: 'async', config: { latencyMs: constant(s.publishLatencyMs) } },
    ],
    scenario: { durationSec: DURATION_SEC, seed: s.seed, faults },
  });
}

describe('log and stream processors under random faults', () => {
  it('keep every invariant, account for every entry and event, and fire alerts in pairs', () => {
    fc.assert(
      fc.property(sampleArb, (sample) => {
        const run = createRun(toDocument(sample), { traceSampleEvery: 0 });
        for (const atMs of [1500, 4000]) {
          run.advance(atMs);
          expect(run.invariants().violations).toEqual([]);
        }
        run.runToEnd();
        const s = run.summary();
        expect(s.invariants.violations).toEqual([]);
        const p = entryOf(s, 'proc', 'logProcessor').logProcessor;
        const settled = p.dropped + p.forwarded + p.filteredOut + p.sampledOut + p.queued;
        // Entries still in a worker's hands at the end are the only ones not accounted for.
        expect(p.received - settled).toBeGreaterThanOrEqual(0);
        expect(p.received - settled).toBeLessThanOrEqual(sample.workers);
        const levels = p.metrics.byLevel;
        expect(levels.debug + levels.info + levels.warn + levels.error).toBe(
          p.received - p.dropped - p.queued - (p.received - settled),
        );
        for (const a of s.alerts ?? [])
          if (a.resolvedAtMs !== null) expect(a.resolvedAtMs).toBeGreaterThan(a.firedAtMs);
        const e = entryOf(s, 'stream', 'eventProcessor').eventProcessor;
        if (sample.dedupe) expect(e.republished).toBe(0);
        else expect(e.duplicatesDropped).toBe(0);
        const group = entryOf(s, 'bus', 'eventBus').topics.orders!.groups.stream!;
        expect(group.acked).toBeLessThanOrEqual(e.consumed);
      }),
      { numRuns: 40, seed: 20261206 },
    );
  });
});
