import { describe, expect, it } from 'vitest';
import type { NodeOfKind } from '../../model/schema';
import { createRun } from '../../run/createRun';
import { buildDocument, constant, entryOf } from '../../run/run.testkit';
import type { World } from '../../sim/world';
import { EventProcessorRuntime } from './eventProcessorRuntime';

/** Orders (amounts 40 and 120, keyed by user) published at 50/s, a processor, and a consumer of its output. */
function stream(processor: Record<string, unknown>, faults: unknown[] = [], publishLatencyMs = 1) {
  return buildDocument({
    nodes: [
      {
        id: 'shop',
        kind: 'client',
        config: {
          workload: { kind: 'open', ratePerSec: 50 },
          requestMix: [
            { headers: { 'x-amount': '40', 'x-user': 'u1' } },
            { headers: { 'x-amount': '120', 'x-user': 'u2' } },
          ],
        },
      },
      {
        id: 'orders',
        kind: 'service',
        config: {
          endpoints: [
            { path: '/', steps: [{ kind: 'publish', target: 'bus', topic: 'orders', key: 'x-user' }] },
          ],
        },
      },
      { id: 'bus', kind: 'eventBus', config: { topics: [{ name: 'orders' }, { name: 'out' }] } },
      {
        id: 'proc',
        kind: 'eventProcessor',
        config: {
          source: { bus: 'bus', topic: 'orders', group: 'stream' },
          output: { bus: 'bus', topic: 'out' },
          ...processor,
        },
      },
      {
        id: 'sink',
        kind: 'service',
        config: {
          subscriptions: [
            { bus: 'bus', topic: 'out', group: 'sink', steps: [{ kind: 'work', durationMs: constant(1) }] },
          ],
        },
      },
    ],
    edges: [
      { source: 'shop', target: 'orders' },
      { source: 'orders', target: 'bus', kind: 'async' },
      { source: 'bus', target: 'proc', kind: 'async' },
      { source: 'proc', target: 'bus', kind: 'async', config: { latencyMs: constant(publishLatencyMs) } },
      { source: 'bus', target: 'sink', kind: 'async' },
    ],
    scenario: { durationSec: 30, seed: 4, faults },
  });
}

function topics(run: ReturnType<typeof createRun>) {
  return entryOf(run.summary(), 'bus', 'eventBus').topics;
}

describe('event processor', () => {
  it('filters and maps a topic into another, and its output reaches the consumers of that topic', () => {
    const run = createRun(
      stream({
        filter: 'x_amount > 100',
        map: [{ field: 'tier', value: "if(x_amount > 100, 'large', 'small')" }],
      }),
      {
        traceSampleEvery: 0,
      },
    );
    run.runToEnd();
    const p = entryOf(run.summary(), 'proc', 'eventProcessor').eventProcessor;
    const t = topics(run);
    expect(p.consumed).toBe(t.orders!.published);
    expect(p.published + p.filteredOut).toBe(p.consumed);
    // About half the orders are over 100.
    expect(p.published / p.consumed).toBeGreaterThan(0.4);
    expect(p.published / p.consumed).toBeLessThan(0.6);
    // The bus may hold publishes whose confirmation is still on its way at the end (one per instance).
    expect(t.out!.published - p.published).toBeGreaterThanOrEqual(0);
    expect(t.out!.published - p.published).toBeLessThanOrEqual(2);
    expect(t.out!.groups.sink!.acked).toBeGreaterThan(p.published - 10);
    expect(run.summary().invariants.ok).toBe(true);
  });

  it('counts events per key in tumbling windows and publishes one result per key and window', () => {
    const run = createRun(
      stream({ window: { kind: 'tumbling', sizeSec: 10, aggregate: 'count', groupBy: 'key' } }),
      {
        traceSampleEvery: 0,
      },
    );
    run.runToEnd();
    const p = entryOf(run.summary(), 'proc', 'eventProcessor').eventProcessor;
    // Two windows closed before the end of the run (at 10 s and 20 s), two keys each.
    expect(p.windowsEmitted).toBe(4);
    expect(topics(run).out!.published).toBe(4);
  });

  it('publishes each event once through a crash between publish and acknowledgement when deduplicating', () => {
    const crash = [
      { kind: 'killInstance', atSec: 10.01, nodeId: 'proc', instance: 0 },
      { kind: 'restartInstance', atSec: 12, nodeId: 'proc', instance: 0 },
    ];
    const run = createRun(stream({ instances: 2 }, crash, 40), { traceSampleEvery: 0 });
    run.runToEnd();
    const p = entryOf(run.summary(), 'proc', 'eventProcessor').eventProcessor;
    const t = topics(run);
    expect(p.duplicatesDropped).toBeGreaterThan(0);
    expect(p.republished).toBe(0);
    // No more outputs than inputs: the redelivered events were not published again.
    // The bus may hold publishes whose confirmation is still on its way at the end (one per instance).
    expect(t.out!.published - p.published).toBeGreaterThanOrEqual(0);
    expect(t.out!.published - p.published).toBeLessThanOrEqual(2);
    expect(t.out!.published).toBeLessThanOrEqual(t.orders!.published);
    expect(t.out!.published).toBeGreaterThanOrEqual(t.orders!.groups.stream!.acked - p.duplicatesDropped);
    expect(run.summary().invariants.ok).toBe(true);
  });

  it('publishes a redelivered event again without deduplication (at least once)', () => {
    const crash = [
      { kind: 'killInstance', atSec: 10.01, nodeId: 'proc', instance: 0 },
      { kind: 'restartInstance', atSec: 12, nodeId: 'proc', instance: 0 },
    ];
    const run = createRun(stream({ instances: 2, dedupe: false }, crash, 40), { traceSampleEvery: 0 });
    run.runToEnd();
    const p = entryOf(run.summary(), 'proc', 'eventProcessor').eventProcessor;
    expect(p.republished).toBeGreaterThan(0);
    expect(p.duplicatesDropped).toBe(0);
  });

  it("counts its dedupe store and open windows in the run's memory estimate", () => {
    let processor: EventProcessorRuntime | null = null;
    const kindRuntimes = {
      eventProcessor: {
        create: (world: World, node: NodeOfKind<'eventProcessor'>) => {
          processor = new EventProcessorRuntime(world, node);
          return processor;
        },
      },
    };
    const deduping = createRun(stream({}), { traceSampleEvery: 0, kindRuntimes });
    deduping.runToEnd();
    const published = entryOf(deduping.summary(), 'proc', 'eventProcessor').eventProcessor.published;
    expect(published).toBeGreaterThan(1000);
    // One remembered id per confirmed output (a publish still unconfirmed at the end is not one yet).
    const ids = processor!.retainedBytes() / 124;
    expect(ids).toBeGreaterThanOrEqual(published - 2);
    expect(ids).toBeLessThanOrEqual(published);
    const windowed = {
      dedupe: false,
      window: { kind: 'sliding', sizeSec: 10, slideSec: 5, aggregate: 'count', groupBy: 'key' },
    };
    const run = createRun(stream(windowed), { traceSampleEvery: 0, kindRuntimes });
    run.advance(7_000);
    // Every event handled is remembered (to count republished ones without dedupe), and two keys
    // hold a window of two slices each.
    const consumed = entryOf(run.summary(), 'proc', 'eventProcessor').eventProcessor.consumed;
    expect(consumed).toBeGreaterThan(200);
    expect(processor!.retainedBytes()).toBe(consumed * 124 + 2 * (70 + 2 * 125));
  });
});
