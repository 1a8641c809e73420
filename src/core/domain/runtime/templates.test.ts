import { describe, expect, it } from 'vitest';
import logging from '../../../../public/examples/distributed-logging.json';
import ecommerce from '../../../../public/examples/ecommerce.json';
import cqrs from '../../../../public/examples/event-driven-cqrs.json';
import { validateDocument } from '../../model/validate';
import { createRun } from '../../run/createRun';

function load(json: unknown) {
  const r = validateDocument(json);
  if (!r.ok) throw new Error(`template does not validate: ${JSON.stringify(r)}`);
  return r.document;
}

describe('event-driven templates', () => {
  it('e-commerce: orders placed, confirmed and failed by reason, read-model lag, invariants ok', () => {
    const run = createRun(load(ecommerce), { durationSec: 25 });
    run.runToEnd();
    const s = run.summary();
    const reasons = s.orders!.failedByReason;
    expect(s.invariants).toEqual({ ok: true, violations: [] });
    expect(s.orders!.confirmed).toBeGreaterThan(s.orders!.placed / 2);
    for (const r of [
      'unknownUser',
      'unknownProduct',
      'insufficientStock',
      'paymentDeclined',
      'paymentUnavailable',
    ] as const) {
      expect(reasons[r], r).toBeGreaterThan(0);
    }
    const rm = (
      s.nodes['order-history'] as unknown as {
        readModel: { lagPositions: number; lagMs: number; staleReads: number };
      }
    ).readModel;
    expect(rm.staleReads).toBeGreaterThan(0);
    expect(typeof rm.lagMs).toBe('number');
  });

  it('e-commerce layout: left to right, no two nodes closer than a node box', () => {
    const nodes = load(ecommerce).nodes;
    for (const a of nodes) {
      for (const b of nodes) {
        if (a === b) continue;
        const apart =
          Math.abs(a.position.x - b.position.x) >= 200 || Math.abs(a.position.y - b.position.y) >= 100;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });

  it('CQRS and logging templates run with their invariants intact', () => {
    for (const doc of [cqrs, logging]) {
      const run = createRun(load(doc), { durationSec: 15 });
      run.runToEnd();
      expect(run.invariants()).toEqual({ ok: true, violations: [] });
    }
  });
});
