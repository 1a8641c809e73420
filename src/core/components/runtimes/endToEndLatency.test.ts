import { describe, expect, it } from 'vitest';
import { createRun } from '../../run/createRun';
import { buildDocument, constant, entryOf, exponential } from '../../run/run.testkit';
import { EDGE_COL, EDGE_STRIDE } from '../../sim/columns';

/**
 * A Poisson stream of events published to one partition and consumed by one consumer (1 instance,
 * 1 slot, exponential service): the partition is the queue of an M/M/1 station, so an event's time
 * from publish to handled is the M/M/1 sojourn time 1 / (mu - lambda), and its wait in the
 * partition rho / (mu - lambda).
 */
function stream(ratePerSec: number, serviceMeanMs: number, durationSec: number, warmupSec: number) {
  return buildDocument({
    nodes: [
      { id: 'load', kind: 'client', config: { workload: { kind: 'open', arrival: 'poisson', ratePerSec } } },
      {
        id: 'producer',
        kind: 'service',
        config: {
          instances: 1,
          concurrency: 10_000,
          queueCapacity: 1_000_000,
          endpoints: [{ path: '/', steps: [{ kind: 'publish', target: 'bus', topic: 'jobs' }] }],
        },
      },
      {
        id: 'bus',
        kind: 'eventBus',
        config: {
          topics: [{ name: 'jobs', partitions: 1 }],
          deliveryLatencyMs: constant(0),
        },
      },
      {
        id: 'consumer',
        kind: 'service',
        config: {
          instances: 1,
          concurrency: 1,
          subscriptions: [
            {
              bus: 'bus',
              topic: 'jobs',
              group: 'workers',
              steps: [{ kind: 'work', durationMs: exponential(serviceMeanMs) }],
            },
          ],
        },
      },
    ],
    edges: [
      { source: 'load', target: 'producer', config: { latencyMs: constant(0), timeoutMs: 0 } },
      { source: 'producer', target: 'bus', kind: 'async', config: { latencyMs: constant(0) } },
      { source: 'bus', target: 'consumer', kind: 'async', config: { latencyMs: constant(0) } },
    ],
    scenario: { durationSec, seed: 5, warmupSec },
  });
}

describe('end-to-end event latency', () => {
  it('mean publish-to-handled time of an M/M/1 partition at rho 0.8 is within 2 % of 50 ms', () => {
    // 80/s for 6,350 s is about 500 k events after the warm-up.
    const run = createRun(stream(80, 10, 6350, 100), { traceSampleEvery: 0 });
    run.runToEnd();
    const group = entryOf(run.summary(), 'bus', 'eventBus').topics.jobs!.groups.workers!;
    expect(group.acked).toBeGreaterThan(500_000);
    expect(Math.abs(group.endToEndMs.mean - 50) / 50).toBeLessThan(0.02);
    // The wait in the partition is the M/M/1 queueing delay rho / (mu - lambda) = 40 ms.
    expect(Math.abs(group.waitMs.mean - 40) / 40).toBeLessThan(0.03);
  });

  it('end-to-end time is waiting plus handling: with no queue it is the service time alone', () => {
    const run = createRun(stream(1, 10, 2000, 0), { traceSampleEvery: 0 });
    run.runToEnd();
    const group = entryOf(run.summary(), 'bus', 'eventBus').topics.jobs!.groups.workers!;
    // At rho 0.01 almost no event waits: the wait's median is 0 and the mean handling time ~ 10 ms.
    expect(group.waitMs.p50).toBe(0);
    expect(group.endToEndMs.mean).toBeGreaterThan(8.5);
    expect(group.endToEndMs.mean).toBeLessThan(11.5);
    expect(group.endToEndMs.p99).toBeGreaterThan(group.endToEndMs.p50);
  });

  it('events published before the warm-up are not counted', () => {
    const run = createRun(stream(10, 10, 20, 10), { traceSampleEvery: 0 });
    run.runToEnd();
    const group = entryOf(run.summary(), 'bus', 'eventBus').topics.jobs!.groups.workers!;
    expect(group.acked).toBeGreaterThan(150);
    expect(group.endToEndMs.mean).toBeGreaterThan(0);
    const early = createRun(stream(10, 10, 10, 9.999), { traceSampleEvery: 0 });
    early.runToEnd();
    expect(entryOf(early.summary(), 'bus', 'eventBus').topics.jobs!.groups.workers!.endToEndMs.mean).toBe(0);
  });
});

describe('end-to-end latency in the live frames', () => {
  it('a subscription link carries its events publish-to-handled p99, other links carry 0', () => {
    const run = createRun(stream(80, 10, 30, 0), { traceSampleEvery: 0 });
    run.advance(10_500);
    const frame = run.snapshot();
    const edgeIds = run.layout().edgeIds;
    const at = (id: string) => frame.edgeStats[edgeIds.indexOf(id) * EDGE_STRIDE + EDGE_COL.endToEndP99Ms]!;
    // At rho 0.8 the sojourn time is exponential with mean 50 ms: its p99 is about 230 ms.
    expect(at('bus-consumer')).toBeGreaterThan(100);
    expect(at('bus-consumer')).toBeLessThan(600);
    expect(at('load-producer')).toBe(0);
    expect(at('producer-bus')).toBe(0);
  });
});
