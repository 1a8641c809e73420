import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../engine/rng';
import { PaymentService } from './payments';

describe('PaymentService', () => {
  it('is idempotent per order: a retried charge returns the first result and charges once', () => {
    const p = new PaymentService(0);
    const rng = new Sfc32(3);
    const first = p.charge('o1', 500, rng, 0);
    const again = p.charge('o1', 500, rng, 1);
    expect(again).toEqual(first);
    expect(p.totals).toMatchObject({ charges: 1, chargedCents: 500 });
  });

  it('declines at about the configured probability, deterministically per seed', () => {
    const count = (seed: number) => {
      const p = new PaymentService(0.3);
      const rng = new Sfc32(seed);
      for (let i = 0; i < 2000; i++) p.charge(`o${i}`, 100, rng, 0);
      return p.totals.declines;
    };
    expect(count(9)).toBe(count(9));
    expect(count(9)).toBeGreaterThan(520);
    expect(count(9)).toBeLessThan(680);
  });

  it('refunds a charged payment once and nothing else', () => {
    const p = new PaymentService(0);
    p.charge('o1', 700, new Sfc32(1), 0);
    expect([p.refund('o1', 1), p.refund('o1', 2), p.refund('nope', 3)]).toEqual([true, false, false]);
    expect(p.totals.refundedCents).toBe(700);
    expect(p.payment('o1')?.status).toBe('refunded');
  });

  it('reads back each record as charged, declined or refunded with its amount and time, after rows are reused', () => {
    const p = new PaymentService(0.5);
    const rng = new Sfc32(11);
    const expected = new Map<string, object>();
    for (let i = 0; i < 60; i++) {
      const id = `o${i}`;
      const r = p.charge(id, 100 + i, rng, i * 1.5);
      expected.set(id, {
        orderId: id,
        paymentId: `pay-${id}`,
        amountCents: 100 + i,
        status: r.status,
        atMs: i * 1.5,
      });
      if (i % 3 === 0 && r.status === 'charged') {
        p.refund(id, i * 1.5 + 0.25);
        expected.set(id, { ...expected.get(id), status: 'refunded', atMs: i * 1.5 + 0.25 });
      }
      // Forget an older order now and then, so later charges take its row.
      if (i % 4 === 3) {
        p.forget(`o${i - 3}`);
        expected.delete(`o${i - 3}`);
      }
    }
    expect(p.size).toBe(expected.size);
    for (let i = 0; i < 60; i++) expect(p.payment(`o${i}`)).toEqual(expected.get(`o${i}`));
  });
});
