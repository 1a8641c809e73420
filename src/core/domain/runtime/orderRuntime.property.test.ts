import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRun } from '../../run/createRun';
import { shopDocument } from './shopSketch.testkit';

const DURATION_SEC = 3;

const faultArb = fc.oneof(
  // Payment down: every call fails, or both instances die (and maybe come back).
  fc
    .record({ atMs: fc.nat(2500), forMs: fc.integer({ min: 100, max: 2000 }) })
    .map(({ atMs, forMs }) => [
      { kind: 'errorRate', atSec: atMs / 1000, nodeId: 'payment', errorRate: 1, durationSec: forMs / 1000 },
    ]),
  fc
    .record({ atMs: fc.nat(2500), back: fc.boolean() })
    .map(({ atMs, back }) => [
      { kind: 'killInstance', atSec: atMs / 1000, nodeId: 'payment', instance: 0 },
      { kind: 'killInstance', atSec: atMs / 1000, nodeId: 'payment', instance: 1 },
      ...(back
        ? [{ kind: 'restartInstance', atSec: atMs / 1000 + 0.5, nodeId: 'payment', instance: 0 }]
        : []),
    ]),
  // Consumer crash, with or without a restart.
  fc
    .record({ atMs: fc.nat(2500), instance: fc.nat(1), back: fc.boolean() })
    .map(({ atMs, instance, back }) => [
      { kind: 'killInstance', atSec: atMs / 1000, nodeId: 'notify', instance },
      ...(back ? [{ kind: 'restartInstance', atSec: atMs / 1000 + 0.3, nodeId: 'notify', instance }] : []),
    ]),
  // Latency spike on a saga hop, long enough to time calls out.
  fc
    .record({
      atMs: fc.nat(2500),
      node: fc.constantFrom('users', 'inventory', 'payment', 'order'),
      latencyMs: fc.integer({ min: 20, max: 400 }),
    })
    .map(({ atMs, node, latencyMs }) => [
      { kind: 'addLatency', atSec: atMs / 1000, nodeId: node, latencyMs, durationSec: 0.5 },
    ]),
  // Degradations: lost, duplicated and reordered messages on the bus, the projection feed and a
  // saga call; a slow disk; a gray failure; a skewed clock.
  fc
    .record({
      atMs: fc.nat(2500),
      forMs: fc.integer({ min: 100, max: 2000 }),
      on: fc.constantFrom('bus', 'store-history', 'order-payment', 'order-inventory'),
      lossRate: fc.constantFrom(0, 0.1, 0.5),
      duplicateRate: fc.constantFrom(0, 0.2, 0.5),
      reorderRate: fc.constantFrom(0, 0.3),
    })
    .map(({ atMs, forMs, on, ...rates }) => [
      on === 'bus'
        ? { kind: 'busFaults', atSec: atMs / 1000, nodeId: 'bus', ...rates, durationSec: forMs / 1000 }
        : { kind: 'linkFaults', atSec: atMs / 1000, edgeId: on, ...rates, durationSec: forMs / 1000 },
    ]),
  fc
    .record({
      atMs: fc.nat(2500),
      node: fc.constantFrom('users', 'inventory', 'payment', 'order'),
      share: fc.constantFrom(0.2, 1),
      factor: fc.constantFrom(2, 20),
      skewMs: fc.integer({ min: -5000, max: 5000 }),
    })
    .map(({ atMs, node, share, factor, skewMs }) => [
      { kind: 'grayFailure', atSec: atMs / 1000, nodeId: node, share, factor, durationSec: 1 },
      { kind: 'slowDisk', atSec: atMs / 1000, nodeId: 'store', factor, durationSec: 1 },
      { kind: 'clockSkew', atSec: atMs / 1000, nodeId: node, skewMs },
    ]),
  // Order-service crash mid-saga.
  fc
    .record({ atMs: fc.nat(2500) })
    .map(({ atMs }) => [{ kind: 'killInstance', atSec: atMs / 1000, nodeId: 'order', instance: 0 }]),
);

const mixArb = fc.array(
  fc.record({
    weight: fc.integer({ min: 1, max: 10 }),
    headers: fc.record(
      {
        'x-user-id': fc.constantFrom('*', 'u1', 'u2', 'ghost'),
        'x-product-id': fc.constantFrom('*', 'p1', 'p2', 'p404'),
        'x-quantity': fc.constantFrom('*', '1', '3', '40', '0'),
      },
      { requiredKeys: [] },
    ),
  }),
  { minLength: 1, maxLength: 4 },
);

describe('the order flow through the runtime under faults', () => {
  it('never breaks an invariant, whatever the order mix and faults', () => {
    fc.assert(
      fc.property(
        fc.record({
          seed: fc.nat(1000),
          ratePerSec: fc.integer({ min: 30, max: 150 }),
          orders: mixArb,
          faults: fc.array(faultArb, { maxLength: 3 }).map((f) => f.flat()),
          callTimeoutMs: fc.constantFrom(50, 200, 1000),
          maxDeliveries: fc.integer({ min: 1, max: 4 }),
          notifyErrorRate: fc.constantFrom(0, 0, 0.3),
          projectionLatencyMs: fc.integer({ min: 0, max: 200 }),
        }),
        (o) => {
          const run = createRun(shopDocument({ ...o, durationSec: DURATION_SEC, redeliveryDelayMs: 50 }));
          run.runToEnd();
          const s = run.summary();
          expect(s.invariants.violations).toEqual([]);
          const orders = s.orders!;
          expect(orders.placed).toBe(orders.confirmed + orders.failed + orders.inFlight);
          expect(Object.values(orders.failedByReason).reduce((a, b) => a + b, 0)).toBe(orders.failed);
          expect(orders.notificationsSent).toBeLessThanOrEqual(orders.confirmed);
        },
      ),
      { numRuns: 80 },
    );
  });
});
