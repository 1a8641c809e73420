import { describe, expect, it } from 'vitest';
import { shopDocument } from '../../domain/runtime/shopSketch.testkit';
import { createRun } from '../../run/createRun';
import { buildDocument, constant } from '../../run/run.testkit';
import type { World } from '../../sim/world';
import type { EventStoreRuntime } from './eventStoreRuntime';
import type { ReadModelRuntime } from './readModelRuntime';

function worldOf(run: unknown): World {
  return (run as { world: World }).world;
}

function appendDoc(headers: Record<string, string>, snapshotEvery = 50) {
  return buildDocument({
    nodes: [
      {
        id: 'c',
        kind: 'client',
        config: {
          workload: { kind: 'open', arrival: 'constant', ratePerSec: 10 },
          requestMix: [{ method: 'POST', path: '/', headers }],
        },
      },
      {
        id: 's',
        kind: 'service',
        config: {
          serviceTimeMs: constant(1),
          endpoints: [
            { method: 'POST', path: '/', steps: [{ kind: 'append', target: 'es', eventType: 'ItemAdded' }] },
          ],
        },
      },
      { id: 'es', kind: 'eventStore', config: { snapshotEvery } },
    ],
    edges: [
      { source: 'c', target: 's' },
      { source: 's', target: 'es', kind: 'eventStore' },
    ],
    scenario: { durationSec: 2 },
  });
}

describe('event store runtime', () => {
  it('answers 409 to appends whose expected version does not match, and appends the rest', () => {
    const run = createRun(appendDoc({ 'x-aggregate-id': 'cart-1', 'x-expected-version': 'noStream' }));
    run.runToEnd();
    const store = worldOf(run).runtimes.get('es') as EventStoreRuntime;
    expect(store.appends).toBe(1);
    expect(store.conflicts).toBe(run.summary().nodes.es!.failed);
    expect(store.conflicts).toBeGreaterThan(10);
    expect(store.eventStore.version('cart-1')).toBe(1);
  });

  it('appends to one stream per aggregate with contiguous versions and a snapshot every N', () => {
    const run = createRun(appendDoc({ 'x-aggregate-id': 'cart-1' }, 4));
    run.runToEnd();
    const store = worldOf(run).runtimes.get('es') as EventStoreRuntime;
    const v = store.eventStore.version('cart-1');
    expect(v).toBe(store.appends);
    expect(store.eventStore.readStream('cart-1').map((e) => e.version)).toEqual(
      Array.from({ length: v }, (_, i) => i + 1),
    );
    expect(store.snapshots).toBe(Math.floor(v / 4));
    expect(store.eventStore.latestSnapshot('cart-1')!.version).toBe(Math.floor(v / 4) * 4);
  });

  it('gives each request its own stream when it names no aggregate', () => {
    const run = createRun(appendDoc({}));
    run.runToEnd();
    const store = worldOf(run).runtimes.get('es') as EventStoreRuntime;
    expect(store.eventStore.streamCount).toBe(store.appends);
  });
});

describe('read model runtime', () => {
  const history = [{ path: '/orders/history', headers: { 'x-order-id': 'latest' } }];

  function readModel(projectionLatencyMs: number) {
    const run = createRun(
      shopDocument({ durationSec: 4, ratePerSec: 60, projectionLatencyMs, extraMix: history }),
    );
    run.runToEnd();
    return { run, rm: worldOf(run).runtimes.get('history') as ReadModelRuntime };
  }

  it('counts stale reads of the newest order while the projection lags, and fewer when it is fast', () => {
    const slow = readModel(300);
    const fast = readModel(0);
    expect(slow.rm.queries).toBeGreaterThan(50);
    expect(slow.rm.staleReads / slow.rm.queries).toBeGreaterThan(0.5);
    expect(fast.rm.staleReads).toBeLessThan(slow.rm.staleReads / 4);
    expect(slow.rm.maxApplyDelayMs).toBeCloseTo(300, 6);
    const summary = slow.run.summary().nodes.history as unknown as {
      readModel: { lagPositions: number; staleReads: number };
    };
    expect(summary.readModel.staleReads).toBe(slow.rm.staleReads);
    expect(summary.readModel.lagPositions).toBe(slow.run.summary().nodes.history!.queueDepth);
  });

  it('equals a replay of its store at its checkpoint, and catches up to the head once appends stop', () => {
    const { run, rm } = readModel(300);
    expect(rm.lag().positions).toBeGreaterThan(0);
    expect(run.invariants().ok).toBe(true);
    const world = worldOf(run);
    world.sim.runUntil(world.sim.now + 10_000, Number.POSITIVE_INFINITY);
    expect(rm.projection.caughtUp(rm.store!)).toBe(true);
    expect(rm.projection.model.size).toBe(
      [...rm.store!.streamIds()].filter((id) => id.startsWith('order-')).length,
    );
    expect(run.invariants().ok).toBe(true);
  });
});

describe('log router and stores', () => {
  it('shards log entries over its stores and answers merged queries newest first', () => {
    const doc = shopDocument({ durationSec: 3, ratePerSec: 50 });
    const router = doc.nodes.find((n) => n.id === 'logs')!;
    if (router.kind === 'logRouter') router.config.strategy = 'roundRobin';
    const run = createRun(doc);
    run.runToEnd();
    const s = run.summary();
    const a = (s.nodes.logsA as unknown as { logStore: { appended: number } }).logStore.appended;
    const b = (s.nodes.logsB as unknown as { logStore: { appended: number } }).logStore.appended;
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1);
    expect(a + b).toBe(s.nodes.logs!.completed);
    const all = run.queryLogs({ startMs: 0, endMs: 3000, limit: 1_000_000 });
    expect(all).toHaveLength(a + b);
    expect(all.every((e, i) => i === 0 || all[i - 1]!.timeMs >= e.timeMs)).toBe(true);
    expect(all[0]!.service).toBe('order');
    const window = run.queryLogs({
      startMs: 1000,
      endMs: 2000,
      service: 'order',
      minLevel: 'info',
      limit: 5,
    });
    expect(window).toHaveLength(5);
    expect(window.every((e) => e.timeMs >= 1000 && e.timeMs < 2000)).toBe(true);
    expect(window[0]).toEqual(all.find((e) => e.timeMs < 2000));
    expect(run.queryLogs({ startMs: 0, endMs: 3000, minLevel: 'warn', limit: 10 })).toEqual([]);
  });
});
